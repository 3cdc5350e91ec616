package io.urbanhub.route.lorawan.tts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Things Stack uplink messages for the tests, made from the documentation's example. */
final class TtsMessages {

    private TtsMessages() {
    }

    static byte[] documentationSample() throws IOException {
        try (InputStream sample = TtsMessages.class.getResourceAsStream("/tts/uplink-v3-app1@tenant1-devices-dev1-up.json")) {
            return sample.readAllBytes();
        }
    }

    /** The documentation's uplink, carrying the given device, port, payload and frame counter. */
    static byte[] uplink(String devEui, int port, byte[] data, long frameCounter) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode message = (ObjectNode) mapper.readTree(documentationSample());
        ((ObjectNode) message.get("end_device_ids")).put("dev_eui", devEui.toUpperCase());
        ObjectNode uplink = (ObjectNode) message.get("uplink_message");
        uplink.put("f_port", port);
        uplink.put("f_cnt", frameCounter);
        uplink.put("frm_payload", Base64.getEncoder().encodeToString(data));
        uplink.put("received_at", Instant.parse("2026-11-27T10:00:00Z").toString());
        return mapper.writeValueAsBytes(message);
    }
}
