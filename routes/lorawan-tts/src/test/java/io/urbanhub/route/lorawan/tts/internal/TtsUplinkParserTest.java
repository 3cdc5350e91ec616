package io.urbanhub.route.lorawan.tts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.urbanhub.lorawan.BadUplinkException;
import io.urbanhub.lorawan.LorawanUplink;

class TtsUplinkParserTest {

    @Test
    void readsTheDocumentationSample() throws Exception {
        LorawanUplink uplink = TtsUplinkParser.parse(TtsMessages.documentationSample());

        assertEquals("4200000000000000", uplink.devEui());
        assertEquals(15, uplink.port());
        assertEquals(0, uplink.frameCounter(), "f_cnt left out at its default");
        assertArrayEquals("Temperature = 0.0".getBytes(StandardCharsets.US_ASCII), uplink.data());
        assertNull(uplink.time());
        assertTrue(uplink.decodedByServer().isEmpty());
    }

    @Test
    void takesTheNetworkServersDecodingAndTimeWhenPresent() throws Exception {
        String message = new String(TtsMessages.uplink("A840410001811234", 2, new byte[] {1}, 7), StandardCharsets.UTF_8)
                .replace("\"uplink_message\":{", "\"uplink_message\":{\"decoded_payload\":{\"TempC_SHT\":21.5,\"Bat_status\":3},");

        LorawanUplink uplink = TtsUplinkParser.parse(message.getBytes(StandardCharsets.UTF_8));

        assertEquals("a840410001811234", uplink.devEui());
        assertEquals(7, uplink.frameCounter());
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"), uplink.time());
        assertEquals(Map.of("TempC_SHT", 21.5, "Bat_status", 3), uplink.decodedByServer());
    }

    @Test
    void refusesWhatIsNoUsableUplinkWithTheReason() throws Exception {
        byte[] invalid;
        try (InputStream sample = getClass().getResourceAsStream("/tts/uplink-example-from-data-formats.json")) {
            invalid = sample.readAllBytes();
        }
        assertRefused(invalid, "malformed JSON");
        assertRefused("[]", "no object");
        assertRefused("{\"uplink_message\":{}}", "missing field end_device_ids.dev_eui");
        assertRefused("{\"end_device_ids\":{\"dev_eui\":\"01\"},\"join_accept\":{}}", "not an uplink");
        assertRefused("{\"end_device_ids\":{\"dev_eui\":\"01\"},\"uplink_message\":{\"frm_payload\":\"AQ==\"}}", "f_port");
        assertRefused("{\"end_device_ids\":{\"dev_eui\":\"01\"},\"uplink_message\":{\"f_port\":2,\"frm_payload\":\"!!\"}}",
                "not base64");
        assertRefused("{\"end_device_ids\":{\"dev_eui\":\"01\"},\"uplink_message\":{\"f_port\":2,\"frm_payload\":\"AQ==\","
                + "\"received_at\":\"yesterday\"}}", "received_at");
    }

    private static void assertRefused(String json, String reason) {
        assertRefused(json.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static void assertRefused(byte[] json, String reason) {
        BadUplinkException refused = assertThrows(BadUplinkException.class, () -> TtsUplinkParser.parse(json));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
