package io.urbanhub.route.lorawan.chirpstack.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.urbanhub.lorawan.BadUplinkException;
import io.urbanhub.lorawan.LorawanUplink;

class UplinkParserTest {

    @Test
    void readsTheChirpStackDocumentationSample() throws Exception {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/chirpstack/uplink-event.json")) {
            sample = in.readAllBytes();
        }
        LorawanUplink uplink = UplinkParser.parse(sample);
        assertEquals("0101010101010101", uplink.devEui());
        assertEquals(0, uplink.frameCounter(), "fCnt 0 is left out of the JSON");
        assertEquals(1, uplink.port());
        assertArrayEquals(new byte[] {(byte) 0xAA}, uplink.data());
        assertEquals(Instant.parse("2022-07-18T09:34:15.775023242Z"), uplink.time());
    }

    @Test
    void namesWhatIsWrong() {
        assertReason("malformed JSON", "{\"deviceInfo\": ");
        assertReason("missing field deviceInfo.devEui", "{\"fPort\": 2, \"data\": \"AA==\"}");
        assertReason("no application payload: fPort is missing or 0", "{\"deviceInfo\": {\"devEui\": \"01\"}, \"data\": \"AA==\"}");
        assertReason("missing field data", "{\"deviceInfo\": {\"devEui\": \"01\"}, \"fPort\": 2}");
        assertReason("data is not base64", "{\"deviceInfo\": {\"devEui\": \"01\"}, \"fPort\": 2, \"data\": \"%%%\"}");
        assertReason("not a ChirpStack uplink event", "[1, 2]");
    }

    private static void assertReason(String expectedStart, String json) {
        BadUplinkException error = assertThrows(BadUplinkException.class,
                () -> UplinkParser.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, error.getMessage().startsWith(expectedStart), error.getMessage());
    }
}
