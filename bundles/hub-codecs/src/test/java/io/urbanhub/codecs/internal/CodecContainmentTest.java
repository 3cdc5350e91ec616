package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.urbanhub.api.spi.DecodingException;

/** A codec that misbehaves fails its own call with a reason, and nothing else. */
class CodecContainmentTest {

    private static final CodecInput UPLINK = new CodecInput(2, new byte[] {1, 2, 3}, null);

    private final CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aLoopIsStoppedWithinTheTimeLimit() throws Exception {
        CodecEngine timeOnly = new CodecEngine(new CodecLimits(Duration.ofMillis(100), Long.MAX_VALUE, 200, 1000, 10, 10_000));
        JavaScriptCodec codec = timeOnly.compile("loop.js", "function decodeUplink(input) { while (true) {} }");
        long start = System.nanoTime();
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("the codec ran longer than 100 ms", error.getMessage());
        assertTrue(millis < 600, "stopped after " + millis + " ms");
    }

    @Test
    void aLoopCannotCatchItsOwnStop() throws Exception {
        JavaScriptCodec codec = engine.compile("stubborn.js", """
                function decodeUplink(input) {
                  for (;;) {
                    try { while (true) {} } catch (e) { continue; } finally { continue; }
                  }
                }""");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertTrue(error.getMessage().startsWith("the codec "), error.getMessage());
    }

    @Test
    void theInstructionBudgetStopsALoopWhateverTheTime() throws Exception {
        CodecEngine budget = new CodecEngine(new CodecLimits(Duration.ofHours(1), 100_000, 200, 1000, 10, 10_000));
        JavaScriptCodec codec = budget.compile("loop.js", "function decodeUplink(input) { var x = 0; for (;;) { x++; } }");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertEquals("the codec used more than 100000 instructions", error.getMessage());
    }

    @Test
    void catastrophicRegularExpressionBacktrackingIsStopped() throws Exception {
        JavaScriptCodec codec = engine.compile("redos.js", """
                function decodeUplink(input) {
                  return { data: { match: /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!') } };
                }""");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertTrue(error.getMessage().startsWith("the codec "), error.getMessage());
    }

    @Test
    void endlessRecursionIsStoppedAtTheStackDepth() throws Exception {
        JavaScriptCodec codec = engine.compile("recursion.js", "function f(n) { return f(n + 1); } function decodeUplink(input) { return f(0); }");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertTrue(error.getMessage().contains("stack"), error.getMessage());
    }

    @Test
    void aThrownErrorBecomesTheReasonWithItsLine() throws Exception {
        JavaScriptCodec codec = engine.compile("throws.js", "function decodeUplink(input) {\n  throw new Error('battery byte missing');\n}");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertEquals("Error: battery byte missing (line 2)", error.getMessage());
    }

    @Test
    void aTypeErrorBecomesTheReason() throws Exception {
        JavaScriptCodec codec = engine.compile("typo.js", "function decodeUplink(input) { return { data: { t: input.byts[0] } }; }");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertTrue(error.getMessage().startsWith("TypeError: "), error.getMessage());
    }

    @Test
    void resultsThatAreNotAnObjectAreRefused() throws Exception {
        assertRefused("return 42;", "decodeUplink returned the number 42, not an object {data, warnings, errors}");
        assertRefused("return NaN;", "decodeUplink returned the number NaN, not an object {data, warnings, errors}");
        assertRefused("return;", "decodeUplink returned undefined, not an object {data, warnings, errors}");
        assertRefused("return [1, 2];", "decodeUplink returned an array, not an object {data, warnings, errors}");
        assertRefused("return { data: 'hot' };", "decodeUplink returned data that is a string, not an object");
        assertRefused("return { data: {}, errors: 7 };", "decodeUplink returned errors that is the number 7, not a list of messages");
        assertRefused("return { data: { f: function () {} } };", "the codec's output holds a function at data.f");
    }

    @Test
    void hugeOrDeepOutputIsRefusedWithoutBeingCopied() throws Exception {
        assertRefused("var d = {}; for (var i = 0; i < 5000; i++) { d['f' + i] = i; } return { data: d };",
                "the codec's output has more than 1000 values");
        assertRefused("var a = []; a.length = 4294967295; return { data: { a: a } };",
                "the codec's output has more than 1000 values at data.a");
        assertRefused("var s = 'x'; for (var i = 0; i < 20; i++) { s = s + s; } return { data: { s: s } };",
                "the codec's output holds a string of 1048576 characters at data.s, more than 10000");
        assertRefused("var d = {}; d.self = d; return { data: d };",
                "the codec's output is nested deeper than 10 levels at data.self.self.self.self.self.self.self.self.self.self");
    }

    @Test
    void aSingleHugeAllocationFailsTheCallOnly() throws Exception {
        JavaScriptCodec codec = engine.compile("greedy.js", "function decodeUplink(input) { return { data: { c: 'x'.repeat(1e9).charAt(7) } }; }");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertEquals("the codec ran out of memory", error.getMessage());
        assertEquals(Map.of("ok", true), engine.compile("fine.js", "function decodeUplink(input) { return { data: { ok: true } }; }")
                .decodeUplink(UPLINK).data());
    }

    @Test
    void aLongBuiltInCallFailsWithinTheTimeLimitAndHoldsBackTheCodecUntilItEnds() throws Exception {
        JavaScriptCodec codec = engine.compile("sparse.js", """
                function decodeUplink(input) {
                  var a = [];
                  a.length = 200000000;
                  return { data: { at: a.lastIndexOf(1) } };
                }""");
        long start = System.nanoTime();
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("the codec ran longer than 100 ms", error.getMessage());
        assertTrue(millis < 600, "answered after " + millis + " ms");
        DecodingException refused = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertEquals("an earlier call of the codec is still running past its time limit", refused.getMessage());
    }

    @Test
    void recursionThatFansOutIsStopped() throws Exception {
        JavaScriptCodec codec = engine.compile("fan.js", "function f(n) { return n && f(n - 1) + f(n - 1); } function decodeUplink(input) { return f(60); }");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertTrue(error.getMessage().startsWith("the codec "), error.getMessage());
    }

    @Test
    void callbacksOfBuiltInsAreCounted() throws Exception {
        CodecEngine budget = new CodecEngine(new CodecLimits(Duration.ofHours(1), 100_000, 200, 1000, 10, 10_000));
        JavaScriptCodec codec = budget.compile("callbacks.js",
                "function decodeUplink(input) { var n = 0; Array.from({ length: 1e7 }, function () { n++; }); return { data: { n: n } }; }");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertEquals("the codec used more than 100000 instructions", error.getMessage());
    }

    @Test
    void aSyntaxErrorIsABrokenCodecWithItsLine() {
        BrokenCodecException error = assertThrows(BrokenCodecException.class,
                () -> engine.compile("broken.js", "function decodeUplink(input) {\n  return { data: { t: 1 };\n}"));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void aCodecWithoutDecodeUplinkIsBroken() {
        BrokenCodecException error = assertThrows(BrokenCodecException.class,
                () -> engine.compile("old.js", "function Decoder(bytes, port) { return {}; }"));
        assertEquals("the codec defines no function decodeUplink(input)", error.getMessage());
    }

    @Test
    void aTopLevelThatLoopsIsABrokenCodec() {
        BrokenCodecException error = assertThrows(BrokenCodecException.class,
                () -> engine.compile("top.js", "while (true) {} function decodeUplink(input) { return {}; }"));
        assertTrue(error.getMessage().startsWith("the codec "), error.getMessage());
    }

    private void assertRefused(String body, String reason) throws Exception {
        JavaScriptCodec codec = engine.compile("garbage.js", "function decodeUplink(input) { " + body + " }");
        DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK));
        assertEquals(reason, error.getMessage());
    }
}
