package io.urbanhub.distribution;

import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ChirpStack v4 uplink events as its MQTT integration publishes them, built from the documentation's sample. */
final class ChirpStackUplinks {

    /** The LHT65 vector of the TTN device repository: 28.29 °C, 88.6 %, probe 27.81 °C, 3.062 V. */
    static final byte[] LHT65_VECTOR = {(byte) 0xCB, (byte) 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x01, 0x0A, (byte) 0xDD, 0x7F, (byte) 0xFF};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode SAMPLE;

    static {
        try (InputStream sample = ChirpStackUplinks.class.getResourceAsStream("/uplink-event.json")) {
            SAMPLE = (ObjectNode) JSON.readTree(sample);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ChirpStackUplinks() {
    }

    static byte[] uplink(String devEui, int port, byte[] data, long frameCounter) throws Exception {
        ObjectNode event = SAMPLE.deepCopy();
        ((ObjectNode) event.get("deviceInfo")).put("devEui", devEui);
        event.put("fPort", port);
        event.put("fCnt", frameCounter);
        event.put("data", Base64.getEncoder().encodeToString(data));
        event.put("time", Instant.now().toString());
        return JSON.writeValueAsBytes(event);
    }
}
