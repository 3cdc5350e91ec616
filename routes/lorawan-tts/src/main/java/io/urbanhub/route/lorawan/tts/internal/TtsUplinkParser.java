package io.urbanhub.route.lorawan.tts.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.lorawan.BadUplinkException;
import io.urbanhub.lorawan.LorawanUplink;

/**
 * Reads a The Things Stack v3 uplink message ({@code ApplicationUp} with {@code uplink_message}), as its
 * MQTT server publishes it and its webhooks post it. Like ChirpStack, it leaves out fields at their
 * default: a missing {@code f_cnt} is frame 0.
 */
final class TtsUplinkParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private TtsUplinkParser() {
    }

    static LorawanUplink parse(byte[] json) throws BadUplinkException {
        return parse(json, null);
    }

    /**
     * @param uplinkTopic the MQTT topic it came on, which names the application with its tenant
     *                    ({@code app@tenant}) where the message itself does not; null for the webhook
     */
    static LorawanUplink parse(byte[] json, String uplinkTopic) throws BadUplinkException {
        JsonNode message;
        try {
            message = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadUplinkException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadUplinkException("unreadable JSON: " + e.getMessage());
        }
        if (message == null || !message.isObject()) {
            throw new BadUplinkException("not a The Things Stack message: the JSON is no object");
        }
        String devEui = text(message.at("/end_device_ids/dev_eui"), "end_device_ids.dev_eui").toLowerCase(Locale.ROOT);
        JsonNode uplink = message.path("uplink_message");
        if (!uplink.isObject()) {
            throw new BadUplinkException("not an uplink: uplink_message is missing (join, downlink or other event)");
        }
        if (!uplink.path("f_port").canConvertToInt() || uplink.path("f_port").asInt() <= 0) {
            throw new BadUplinkException("no application payload: f_port is missing or 0");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text(uplink.path("frm_payload"), "uplink_message.frm_payload"));
        } catch (IllegalArgumentException e) {
            throw new BadUplinkException("frm_payload is not base64: " + e.getMessage());
        }
        Map<String, Object> decoded = uplink.path("decoded_payload").isObject()
                ? MAPPER.convertValue(uplink.get("decoded_payload"), OBJECT) : Map.of();
        return new LorawanUplink(devEui, uplink.path("f_cnt").asLong(0), uplink.get("f_port").asInt(), data,
                receivedAt(uplink.has("received_at") ? uplink : message), decoded, downlinkTopic(message, uplinkTopic));
    }

    /** Where The Things Stack takes downlinks for the device: {@code v3/{application}/devices/{device}/down/push}. */
    private static String downlinkTopic(JsonNode message, String uplinkTopic) {
        if (uplinkTopic != null && uplinkTopic.endsWith("/up")) {
            return uplinkTopic.substring(0, uplinkTopic.length() - "/up".length()) + "/down/push";
        }
        String application = message.at("/end_device_ids/application_ids/application_id").asText("");
        String device = message.at("/end_device_ids/device_id").asText("");
        return application.isEmpty() || device.isEmpty() ? null : "v3/" + application + "/devices/" + device + "/down/push";
    }

    private static Instant receivedAt(JsonNode node) throws BadUplinkException {
        if (!node.hasNonNull("received_at")) {
            return null;
        }
        try {
            return Instant.parse(node.get("received_at").asText());
        } catch (DateTimeParseException e) {
            throw new BadUplinkException("received_at '" + node.get("received_at").asText() + "' is not an ISO 8601 instant");
        }
    }

    private static String text(JsonNode node, String field) throws BadUplinkException {
        if (node.isMissingNode() || node.isNull() || node.asText().isEmpty()) {
            throw new BadUplinkException("missing field " + field);
        }
        return node.asText();
    }
}
