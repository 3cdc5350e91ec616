package io.urbanhub.route.lorawan.chirpstack.internal;

import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.spi.Downlink;

/** A downlink as ChirpStack v4's MQTT integration takes it on {@code application/{id}/device/{devEui}/command/down}. */
final class ChirpStackDownlinks {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChirpStackDownlinks() {
    }

    static String json(Downlink downlink) {
        ObjectNode command = MAPPER.createObjectNode();
        command.put("devEui", downlink.devEui());
        command.put("confirmed", downlink.confirmed());
        command.put("fPort", downlink.port());
        command.put("data", Base64.getEncoder().encodeToString(downlink.payload()));
        return command.toString();
    }
}
