package io.urbanhub.core.internal;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;

/** Writes an observation as a normalized NGSI-LD entity (ETSI GS CIM 009), with the core @context. */
public final class NgsiLdJson {

    public static final String CORE_CONTEXT = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NgsiLdJson() {
    }

    public static String entity(Observation observation) {
        ObjectNode entity = MAPPER.createObjectNode();
        entity.put("id", observation.entity().urn());
        entity.put("type", observation.entity().type());
        String observedAt = observation.observedAt().toString();
        for (Map.Entry<String, Property> entry : observation.properties().entrySet()) {
            ObjectNode property = entity.putObject(entry.getKey());
            property.put("type", "Property");
            property.set("value", MAPPER.valueToTree(entry.getValue().value()));
            if (entry.getValue().unitCode() != null) {
                property.put("unitCode", entry.getValue().unitCode());
            }
            property.put("observedAt", observedAt);
        }
        if (observation.location() != null) {
            ObjectNode location = entity.putObject("location");
            location.put("type", "GeoProperty");
            ObjectNode point = location.putObject("value");
            point.put("type", "Point");
            point.putArray("coordinates").add(observation.location().longitude()).add(observation.location().latitude());
        }
        ObjectNode provider = entity.putObject("dataProvider");
        provider.put("type", "Property");
        provider.put("value", observation.source().adapter());
        entity.putArray("@context").add(CORE_CONTEXT);
        return entity.toString();
    }
}
