package io.urbanhub.route.lorawan.chirpstack.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ChirpStack uplink events for the tests. */
final class ChirpStackSamples {

    private ChirpStackSamples() {
    }

    /** The ChirpStack documentation's uplink event, carrying the given device, port and payload. */
    static byte[] sampleUplink(String devEui, int port, byte[] data, long frameCounter) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream sample = ChirpStackSamples.class.getResourceAsStream("/chirpstack/uplink-event.json")) {
            ObjectNode event = (ObjectNode) mapper.readTree(sample);
            ((ObjectNode) event.get("deviceInfo")).put("devEui", devEui);
            event.put("fPort", port);
            event.put("fCnt", frameCounter);
            event.put("data", Base64.getEncoder().encodeToString(data));
            return mapper.writeValueAsBytes(event);
        }
    }
}
