package io.urbanhub.rest.ngsild.internal;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a stored normalized entity into what the client asked for: normalized or key-values
 * ({@code options=keyValues}), with the {@code @context} in the body for {@code application/ld+json}
 * or without it for {@code application/json}, where the context travels in the Link header.
 */
final class NgsiLdRepresentation {

    static final String CORE_CONTEXT = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld";
    static final String CONTEXT_LINK = "<" + CORE_CONTEXT + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NgsiLdRepresentation() {
    }

    static ObjectNode render(String normalized, boolean keyValues, boolean withContext) {
        ObjectNode entity = parse(normalized);
        if (!withContext) {
            entity.remove("@context");
        }
        if (!keyValues) {
            return entity;
        }
        ObjectNode simplified = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = entity.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean attribute = value.isObject() && value.has("type") && value.has("value");
            simplified.set(field.getKey(), attribute ? value.get("value") : value);
        }
        return simplified;
    }

    /** Keeps only the asked attributes (and id, type, @context); an empty set keeps all. */
    static ObjectNode project(ObjectNode entity, java.util.Set<String> attributes) {
        if (!attributes.isEmpty()) {
            entity.retain(java.util.stream.Stream.concat(attributes.stream(), java.util.stream.Stream.of("id", "type", "@context"))
                    .toList());
        }
        return entity;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored entity is not JSON", e);
        }
    }
}
