package io.urbanhub.rest.opendata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.query.AttributeValue;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.TemporalQueries;

class OpenDataFormatsTest {

    private static final EntityState SPOT = new EntityState("urn:ngsi-ld:ParkingSpot:musterstadt:p1", "ParkingSpot",
            Instant.parse("2026-11-27T10:00:00Z"), "{\"id\":\"urn:ngsi-ld:ParkingSpot:musterstadt:p1\",\"type\":\"ParkingSpot\","
            + "\"status\":{\"type\":\"Property\",\"value\":\"free\"},"
            + "\"length\":{\"type\":\"Property\",\"value\":5.5,\"unitCode\":\"MTR\"},"
            + "\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[7.62,51.96]}},"
            + "\"dataProvider\":{\"type\":\"Property\",\"value\":\"datex2.musterstadt\"}}");
    private static final EntityState UNLOCATED = new EntityState("urn:ngsi-ld:ParkingSpot:musterstadt:p2", "ParkingSpot",
            Instant.parse("2026-11-27T10:00:00Z"), "{\"id\":\"urn:ngsi-ld:ParkingSpot:musterstadt:p2\",\"type\":\"ParkingSpot\","
            + "\"status\":{\"type\":\"Property\",\"value\":\"occupied\"}}");

    @Test
    void geoJsonHasAPointFeaturePerLocatedEntityAndTheLicence() throws Exception {
        JsonNode collection = new ObjectMapper().readTree(OpenDataFormats.geoJson(List.of(SPOT, UNLOCATED), "dl-de/by-2-0"));
        assertEquals("FeatureCollection", collection.get("type").asText());
        assertEquals("dl-de/by-2-0", collection.get("license").asText());
        assertEquals(1, collection.get("features").size());
        JsonNode feature = collection.get("features").get(0);
        assertEquals("Point", feature.at("/geometry/type").asText());
        assertEquals(7.62, feature.at("/geometry/coordinates/0").asDouble());
        assertEquals("free", feature.at("/properties/status").asText());
        assertEquals("MTR", feature.at("/properties/length_unitCode").asText());
        assertEquals(true, feature.at("/properties/dataProvider").isMissingNode());
    }

    @Test
    void csvOfTheStateNamesUnitsInTheHeader() {
        String csv = OpenDataFormats.stateCsv(List.of(SPOT, UNLOCATED));
        assertEquals(List.of(
                "id,type,observedAt,longitude,latitude,\"length [MTR]\",status",
                "\"urn:ngsi-ld:ParkingSpot:musterstadt:p1\",ParkingSpot,2026-11-27T10:00:00Z,7.62,51.96,5.5,free",
                "\"urn:ngsi-ld:ParkingSpot:musterstadt:p2\",ParkingSpot,2026-11-27T10:00:00Z,,,,occupied"), csv.lines().toList());
    }

    @Test
    void csvOfValuesHasOneRowPerValue() {
        String csv = OpenDataFormats.valuesCsv(List.of(new TemporalQueries.EntityValue(SPOT.id(),
                new AttributeValue("length", Instant.parse("2026-11-27T10:00:00Z"), 5.5, "MTR"))));
        assertEquals(List.of("id,attribute,observedAt,value,unitCode",
                "\"urn:ngsi-ld:ParkingSpot:musterstadt:p1\",length,2026-11-27T10:00:00Z,5.5,MTR"), csv.lines().toList());
    }
}
