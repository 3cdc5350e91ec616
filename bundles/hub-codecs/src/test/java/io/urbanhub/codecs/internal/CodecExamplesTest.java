package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The device repository's YAML read as YAML 1.2, which its own tools use. */
class CodecExamplesTest {

    @Test
    void readsBytesInHexAndDecimalWithLeadingZerosAsDecimal() throws Exception {
        CodecExample example = single("""
                uplinkDecoder:
                  examples:
                    - description: leading zeros
                      input:
                        fPort: 010
                        bytes: [0x0B, 09, 010, 255, 0o17]
                        recvTime: '2024-05-01T12:00:00Z'
                      output:
                        data: { count: 010, name: no, flag: on, valid: true, day: 2024-05-01, nothing: ~ }
                        warnings: [low battery]
                """);
        assertEquals("leading zeros", example.description());
        assertEquals(10, example.input().fPort());
        assertArrayEquals(new byte[] {0x0B, 9, 10, (byte) 255, 15}, example.input().bytes());
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), example.input().recvTime());
        Map<String, Object> data = example.data();
        assertEquals(10, data.get("count"));
        assertEquals("no", data.get("name"));
        assertEquals("on", data.get("flag"));
        assertEquals(true, data.get("valid"));
        assertEquals("2024-05-01", data.get("day"));
        assertNull(data.get("nothing"));
        assertEquals(List.of("low battery"), example.warnings());
        assertEquals(List.of(), example.errors());
    }

    @Test
    void readsTheLht65VectorsOfTheDeviceRepository() throws Exception {
        List<CodecExample> examples = CodecExamples.read(new StringReader(TestCodecs.resource("dragino-lht65-codec.yaml")));
        assertEquals(List.of("Temperature", "Unknown FPort"), examples.stream().map(CodecExample::description).toList());
        assertEquals(Map.of("BatV", 3.062, "Bat_status", 3, "Ext_sensor", "Temperature Sensor", "Hum_SHT", 88.6, "TempC_DS", 27.81,
                "TempC_SHT", 28.29), examples.get(0).data());
        assertNull(examples.get(1).data());
        assertEquals(List.of("unknown FPort"), examples.get(1).errors());
    }

    @Test
    void saysWhatIsWrongWithAnExample() {
        assertUnreadable("uplinkDecoder.examples[0].input.bytes[1] is 256, not a byte 0 to 255",
                "uplinkDecoder: {examples: [{input: {fPort: 1, bytes: [1, 256]}, output: {data: {}}}]}");
        assertUnreadable("uplinkDecoder.examples[0].input.fPort is one, not a port 0 to 255",
                "uplinkDecoder: {examples: [{input: {fPort: one, bytes: []}, output: {}}]}");
        assertUnreadable("no uplinkDecoder.examples list", "downlinkEncoder: {}");
    }

    private static void assertUnreadable(String reason, String yaml) {
        assertEquals(reason, assertThrows(UnreadableExamplesException.class, () -> CodecExamples.read(new StringReader(yaml))).getMessage());
    }

    private static CodecExample single(String yaml) throws Exception {
        List<CodecExample> examples = CodecExamples.read(new StringReader(yaml));
        assertEquals(1, examples.size());
        return examples.get(0);
    }
}
