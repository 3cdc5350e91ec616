package io.urbanhub.route.lorawan.tts.internal;

import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.spi.Downlink;

/** A downlink as The Things Stack's MQTT server takes it on {@code v3/{application}/devices/{device}/down/push}. */
final class TtsDownlinks {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TtsDownlinks() {
    }

    static String json(Downlink downlink) {
        ObjectNode message = MAPPER.createObjectNode();
        ObjectNode queued = message.putArray("downlinks").addObject();
        queued.put("f_port", downlink.port());
        queued.put("frm_payload", Base64.getEncoder().encodeToString(downlink.payload()));
        queued.put("priority", "NORMAL");
        queued.put("confirmed", downlink.confirmed());
        return message.toString();
    }
}
