package io.urbanhub.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;

class NgsiLdJsonTest {

    @Test
    void writesANormalizedEntityWithUnitsTimeAndGeoJsonLocation() throws Exception {
        Map<String, Property> properties = new LinkedHashMap<>();
        properties.put("temperature", Property.of(4.25, UnitCodes.DEGREE_CELSIUS));
        properties.put("batteryStatus", Property.of("good"));
        Observation observation = new Observation(new EntityId("IndoorEnvironmentObserved", "musterstadt", "cold-room-1"),
                Instant.parse("2026-11-27T10:15:00Z"), properties, new GeoPoint(7.6261, 51.9607),
                new Source("lorawan-chirpstack.musterstadt", "chirpstack", "a840410001811234", "fcnt:7"));

        JsonNode entity = new ObjectMapper().readTree(NgsiLdJson.entity(observation));

        assertEquals("urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-1", entity.get("id").asText());
        assertEquals("IndoorEnvironmentObserved", entity.get("type").asText());
        assertEquals("Property", entity.at("/temperature/type").asText());
        assertEquals(4.25, entity.at("/temperature/value").asDouble());
        assertEquals("CEL", entity.at("/temperature/unitCode").asText());
        assertEquals("2026-11-27T10:15:00Z", entity.at("/temperature/observedAt").asText());
        assertEquals("good", entity.at("/batteryStatus/value").asText());
        assertEquals("GeoProperty", entity.at("/location/type").asText());
        assertEquals("Point", entity.at("/location/value/type").asText());
        assertEquals(7.6261, entity.at("/location/value/coordinates/0").asDouble());
        assertEquals(51.9607, entity.at("/location/value/coordinates/1").asDouble());
        assertEquals(NgsiLdJson.CORE_CONTEXT, entity.at("/@context/0").asText());
    }
}
