package io.urbanhub.route.lorawan.chirpstack.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.lorawan.BadUplinkException;
import io.urbanhub.lorawan.LorawanUplink;

/**
 * Reads a ChirpStack v4 uplink event in JSON encoding. ChirpStack leaves out fields at their default,
 * so a missing {@code fCnt} is frame 0; a missing {@code fPort} or {@code data} means there is no
 * application payload to decode.
 */
final class UplinkParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UplinkParser() {
    }

    static LorawanUplink parse(byte[] json) throws BadUplinkException {
        JsonNode event;
        try {
            event = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadUplinkException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadUplinkException("unreadable JSON: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new BadUplinkException("not a ChirpStack uplink event: the JSON is no object");
        }
        String devEui = text(event.at("/deviceInfo/devEui"), "deviceInfo.devEui").toLowerCase(Locale.ROOT);
        long frameCounter = event.path("fCnt").asLong(0);
        if (!event.path("fPort").canConvertToInt() || event.path("fPort").asInt() <= 0) {
            throw new BadUplinkException("no application payload: fPort is missing or 0");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text(event.path("data"), "data"));
        } catch (IllegalArgumentException e) {
            throw new BadUplinkException("data is not base64: " + e.getMessage());
        }
        Instant time = null;
        if (event.hasNonNull("time")) {
            try {
                time = Instant.parse(event.get("time").asText());
            } catch (DateTimeParseException e) {
                throw new BadUplinkException("time '" + event.get("time").asText() + "' is not an ISO 8601 instant");
            }
        }
        String application = event.at("/deviceInfo/applicationId").asText("");
        String downlinkTopic = application.isEmpty() ? null : "application/" + application + "/device/" + devEui + "/command/down";
        return new LorawanUplink(devEui, frameCounter, event.get("fPort").asInt(), data, time, null, downlinkTopic);
    }

    private static String text(JsonNode node, String field) throws BadUplinkException {
        if (node.isMissingNode() || node.isNull() || node.asText().isEmpty()) {
            throw new BadUplinkException("missing field " + field);
        }
        return node.asText();
    }
}
