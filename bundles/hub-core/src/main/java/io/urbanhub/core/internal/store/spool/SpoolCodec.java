package io.urbanhub.core.internal.store.spool;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.Input;
import io.urbanhub.core.internal.store.Write;

/**
 * One write, or one dead letter, as one JSON record of the spool, field by field, so that the file format does not
 * follow the model's code.
 */
final class SpoolCodec {

    /** A write read back from the spool; {@code deadLetter} is the reason when it is to be kept as a dead letter. */
    record Spooled(Write write, String deadLetter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpoolCodec() {
    }

    static byte[] encode(Write write) {
        return encode(write, null);
    }

    static byte[] encode(Write write, String deadLetter) {
        Input input = write.input();
        ObjectNode record = JSON.createObjectNode();
        if (deadLetter != null) {
            record.put("deadLetter", deadLetter);
        }
        record.put("tenant", input.tenant());
        record.set("source", source(input.source()));
        record.put("receivedAt", input.receivedAt().toString());
        record.put("payload", input.payload());
        ArrayNode observations = record.putArray("observations");
        for (Observation observation : write.observations()) {
            ObjectNode node = observations.addObject();
            node.put("type", observation.entity().type());
            node.put("tenant", observation.entity().tenant());
            node.put("localId", observation.entity().localId());
            node.put("observedAt", observation.observedAt().toString());
            ObjectNode properties = node.putObject("properties");
            observation.properties().forEach((name, property) -> {
                ObjectNode value = properties.putObject(name);
                value.set("value", JSON.valueToTree(property.value()));
                value.put("unitCode", property.unitCode());
            });
            if (observation.location() != null) {
                node.putObject("location").put("longitude", observation.location().longitude())
                        .put("latitude", observation.location().latitude());
            }
            node.set("source", source(observation.source()));
        }
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new IllegalStateException("A write could not be encoded for the spool", e);
        }
    }

    static Spooled decode(byte[] bytes) throws IOException {
        JsonNode record = JSON.readTree(bytes);
        Input input = new Input(record.get("tenant").asText(), source(record.get("source")),
                Instant.parse(record.get("receivedAt").asText()), record.get("payload").binaryValue());
        List<Observation> observations = new ArrayList<>();
        for (JsonNode node : record.path("observations")) {
            Map<String, Property> properties = new LinkedHashMap<>();
            node.get("properties").fields().forEachRemaining(entry -> properties.put(entry.getKey(),
                    new Property(value(entry.getValue().get("value")), text(entry.getValue().get("unitCode")))));
            JsonNode location = node.get("location");
            observations.add(new Observation(new EntityId(node.get("type").asText(), node.get("tenant").asText(),
                    node.get("localId").asText()), Instant.parse(node.get("observedAt").asText()), properties,
                    location == null ? null : new GeoPoint(location.get("longitude").asDouble(), location.get("latitude").asDouble()),
                    source(node.get("source"))));
        }
        return new Spooled(new Write(input, observations), text(record.get("deadLetter")));
    }

    private static ObjectNode source(Source source) {
        ObjectNode node = JSON.createObjectNode();
        node.put("adapter", source.adapter());
        node.put("system", source.system());
        node.put("device", source.device());
        node.put("messageId", source.messageId());
        return node;
    }

    private static Source source(JsonNode node) {
        return new Source(node.get("adapter").asText(), node.get("system").asText(), text(node.get("device")),
                text(node.get("messageId")));
    }

    private static Object value(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNumber() ? node.numberValue() : node.asText();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
