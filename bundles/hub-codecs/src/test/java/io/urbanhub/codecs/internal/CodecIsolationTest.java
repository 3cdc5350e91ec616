package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.urbanhub.api.spi.DecodingException;

/** Every call starts from the codec as written: no state carries over, the shared built-ins cannot change. */
class CodecIsolationTest {

    private static final CodecInput UPLINK = new CodecInput(2, new byte[] {1, 2, 3}, null);

    private final CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void topLevelStateStartsAfreshForEveryCall() throws Exception {
        JavaScriptCodec codec = engine.compile("counter.js", """
                var calls = 0;
                function decodeUplink(input) {
                  calls++;
                  leaked = typeof leaked === 'undefined' ? 1 : leaked + 1;
                  return { data: { calls: calls, leaked: leaked } };
                }""");
        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of("calls", 1.0, "leaked", 1.0), codec.decodeUplink(UPLINK).data());
        }
    }

    @Test
    void aCodecCannotChangeTheBuiltInsOthersUse() throws Exception {
        JavaScriptCodec vandal = engine.compile("vandal.js",
                "function decodeUplink(input) { Array.prototype.sum = function () { return 42; }; Math.round = null; return { data: {} }; }");
        DecodingException error = assertThrows(DecodingException.class, () -> vandal.decodeUplink(UPLINK));
        assertTrue(error.getMessage().contains("sealed"), error.getMessage());
        JavaScriptCodec honest = engine.compile("honest.js",
                "function decodeUplink(input) { return { data: { sum: typeof [].sum, round: Math.round(1.6) } }; }");
        assertEquals(Map.of("sum", "undefined", "round", 2.0), honest.decodeUplink(UPLINK).data());
    }

    @Test
    void javaIsOutOfReach() throws Exception {
        for (String reach : List.of("java.lang.System.exit(1)", "Packages.java.io.File", "importPackage(java.io)",
                "new JavaAdapter(java.lang.Runnable, {})")) {
            JavaScriptCodec codec = engine.compile("reach.js", "function decodeUplink(input) { " + reach + "; return { data: {} }; }");
            DecodingException error = assertThrows(DecodingException.class, () -> codec.decodeUplink(UPLINK), reach);
            assertTrue(error.getMessage().startsWith("ReferenceError"), error.getMessage());
        }
    }

    @Test
    void runsTheLanguageDeviceRepositoryCodecsUse() throws Exception {
        JavaScriptCodec codec = engine.compile("modern.js", """
                const FIELDS = ['a', 'b'];
                let scale = (x) => x / 10;
                function decodeUplink(input) {
                  const view = new DataView(new Uint8Array([0x41, 0xb4, 0x00, 0x00]).buffer);
                  const [first, second] = input.bytes;
                  const hex = input.bytes.map((b) => ('0' + b.toString(16)).slice(-2)).join('');
                  const data = Object.assign({}, { float: view.getFloat32(0), hex: `0x${hex}`, first, second });
                  for (const [i, name] of FIELDS.entries()) { data[name] = scale(input.bytes[i]); }
                  data.even = input.bytes.filter((b) => b % 2 === 0).length;
                  data.matches = /^0x0102/.test(data.hex);
                  data.parsed = parseInt('ff', 16) + Number('1e1') + JSON.parse('{"n": 1}').n;
                  data.when = input.recvTime.toISOString();
                  return { data: data, warnings: [`port ${input.fPort}`] };
                }""");
        CodecOutput output = codec.decodeUplink(new CodecInput(2, new byte[] {1, 2, 3}, Instant.parse("2024-05-01T12:00:00Z")));
        assertEquals(Map.of("float", 22.5, "hex", "0x010203", "first", 1.0, "second", 2.0, "a", 0.1, "b", 0.2, "even", 1.0,
                "matches", true, "parsed", 266.0, "when", "2024-05-01T12:00:00.000Z"), output.data());
        assertEquals(List.of("port 2"), output.warnings());
    }

    @Test
    void findsItsRegularExpressions() {
        assertTrue(engine.hasRegularExpressions());
    }

    @Test
    void bytesArriveUnsigned() throws Exception {
        JavaScriptCodec codec = engine.compile("bytes.js", "function decodeUplink(input) { return { data: { b: input.bytes } }; }");
        assertEquals(Map.of("b", List.of(255.0, 128.0, 0.0)), codec.decodeUplink(new CodecInput(1, new byte[] {-1, -128, 0}, null)).data());
    }
}
