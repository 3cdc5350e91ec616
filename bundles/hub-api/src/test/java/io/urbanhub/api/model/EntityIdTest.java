package io.urbanhub.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EntityIdTest {

    @Test
    void writesAndReadsTheNgsiLdUrn() {
        EntityId id = new EntityId("WaterConsumptionObserved", "musterstadt", "meter:4711");
        assertEquals("urn:ngsi-ld:WaterConsumptionObserved:musterstadt:meter:4711", id.urn());
        assertEquals(id, EntityId.parse(id.urn()));
    }

    @Test
    void refusesWhatWouldBreakTheUrnOrTheTenantBoundary() {
        assertThrows(IllegalArgumentException.class, () -> new EntityId("parkingSpot", "musterstadt", "p1"));
        assertThrows(IllegalArgumentException.class, () -> new EntityId("ParkingSpot", "Muster:Stadt", "p1"));
        assertThrows(IllegalArgumentException.class, () -> new EntityId("ParkingSpot", "musterstadt", "p 1"));
        assertThrows(IllegalArgumentException.class, () -> EntityId.parse("urn:x:ParkingSpot:musterstadt:p1"));
        assertThrows(IllegalArgumentException.class, () -> EntityId.parse("urn:ngsi-ld:ParkingSpot:musterstadt"));
    }

    @Test
    void propertiesHoldFiniteNumbersTextOrBooleans() {
        assertEquals("CEL", Property.of(4.2, UnitCodes.DEGREE_CELSIUS).unitCode());
        assertThrows(IllegalArgumentException.class, () -> Property.of(Double.NaN, UnitCodes.DEGREE_CELSIUS));
        assertThrows(IllegalArgumentException.class, () -> Property.of(new Object()));
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(181, 0));
    }
}
