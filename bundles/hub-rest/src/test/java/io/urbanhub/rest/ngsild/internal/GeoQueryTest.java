package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.query.GeoNear;

class GeoQueryTest {

    @Test
    void readsNearWithBothDistances() {
        assertEquals(new GeoNear(new GeoPoint(7.628, 51.9625), 2000.0, 100.0),
                GeoQuery.parse("near;maxDistance==2000;minDistance==100", "Point", "[7.628,51.9625]"));
        assertNull(GeoQuery.parse(null, null, null));
    }

    @Test
    void refusesIncompleteOrMalformedGeoQueries() {
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near;maxDistance==10", null, "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near", "Point", "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near;maxDistance==10", "Polygon", "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near;radius==10", "Point", "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near;maxDistance==10", "Point", "[200,2]"));
        assertThrows(UnsupportedOperationException.class, () -> GeoQuery.parse("intersects", "Point", "[1,2]"));
    }
}
