package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExampleCheckTest {

    private final CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void numbersMatchWithinATolerance() throws Exception {
        JavaScriptCodec codec = engine.compile("t.js", "function decodeUplink(input) { return { data: { t: 2829 / 100 * 3 / 3, n: 3 } }; }");
        assertTrue(ExampleCheck.run(codec, example(Map.of("t", 28.29, "n", 3), List.of())).passed());
    }

    @Test
    void listsEveryDifference() throws Exception {
        JavaScriptCodec codec = engine.compile("t.js",
                "function decodeUplink(input) { return { data: { t: 28.3, s: 'on', extra: 1, list: [1, 2] }, warnings: ['odd'] }; }");
        ExampleCheck.Result result = ExampleCheck.run(codec,
                example(Map.of("t", 28.29, "s", true, "missing", 1, "list", List.of(1, 3)), List.of()));
        assertEquals(List.of("data.list[1]: expected 3, got 2", "data.missing: missing, expected 1", "data.s: expected true, got \"on\"",
                "data.t: expected 28.29, got 28.3", "data.extra: not expected, got 1", "warnings: expected [], got [\"odd\"]"),
                result.differences().stream().sorted((a, b) -> a.startsWith("data.extra") || a.startsWith("warnings") ? 1
                        : b.startsWith("data.extra") || b.startsWith("warnings") ? -1 : a.compareTo(b)).toList());
    }

    @Test
    void comparesErrorsAndReportsAFailedCall() throws Exception {
        JavaScriptCodec refusing = engine.compile("t.js", "function decodeUplink(input) { return { errors: ['unknown FPort'] }; }");
        assertTrue(ExampleCheck.run(refusing, new CodecExample("port", new CodecInput(42, new byte[0], null), null,
                List.of("unknown FPort"), List.of())).passed());
        JavaScriptCodec throwing = engine.compile("t.js", "function decodeUplink(input) { throw new Error('no'); }");
        assertEquals(List.of("decodeUplink failed: Error: no (line 1)"), ExampleCheck.run(throwing, example(Map.of(), List.of())).differences());
    }

    private static CodecExample example(Map<String, Object> data, List<String> errors) {
        return new CodecExample("example", new CodecInput(2, new byte[] {1}, null), data, errors, List.of());
    }
}
