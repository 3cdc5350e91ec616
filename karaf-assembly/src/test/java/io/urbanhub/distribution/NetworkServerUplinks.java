package io.urbanhub.distribution;

import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Uplinks as the network servers' MQTT integrations publish them, built from their documentation's samples. */
final class NetworkServerUplinks {

    /** The LHT65 vector of the TTN device repository: 28.29 °C, 88.6 %, probe 27.81 °C, 3.062 V. */
    static final byte[] LHT65_VECTOR = {(byte) 0xCB, (byte) 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x01, 0x0A, (byte) 0xDD, 0x7F, (byte) 0xFF};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode CHIRPSTACK = sample("/uplink-event.json");
    private static final ObjectNode THE_THINGS_STACK = sample("/tts/uplink-v3-app1@tenant1-devices-dev1-up.json");

    private NetworkServerUplinks() {
    }

    private static ObjectNode sample(String resource) {
        try (InputStream sample = NetworkServerUplinks.class.getResourceAsStream(resource)) {
            return (ObjectNode) JSON.readTree(sample);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A ChirpStack v4 uplink event carrying the given device, port, payload and frame. */
    static byte[] chirpStack(String devEui, int port, byte[] data, long frameCounter) throws Exception {
        ObjectNode event = CHIRPSTACK.deepCopy();
        ((ObjectNode) event.get("deviceInfo")).put("devEui", devEui);
        event.put("fPort", port);
        event.put("fCnt", frameCounter);
        event.put("data", Base64.getEncoder().encodeToString(data));
        event.put("time", Instant.now().toString());
        return JSON.writeValueAsBytes(event);
    }

    /** A The Things Stack v3 uplink message carrying the given device, port, payload and frame. */
    static byte[] theThingsStack(String devEui, int port, byte[] data, long frameCounter) throws Exception {
        ObjectNode message = THE_THINGS_STACK.deepCopy();
        ((ObjectNode) message.get("end_device_ids")).put("dev_eui", devEui.toUpperCase());
        ObjectNode uplink = (ObjectNode) message.get("uplink_message");
        uplink.put("f_port", port);
        uplink.put("f_cnt", frameCounter);
        uplink.put("frm_payload", Base64.getEncoder().encodeToString(data));
        uplink.put("received_at", Instant.now().toString());
        return JSON.writeValueAsBytes(message);
    }
}
