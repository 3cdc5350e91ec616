package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.query.GeoNear;
import io.urbanhub.api.query.GeoRelation;
import io.urbanhub.api.query.GeoShape;

class GeoQueryTest {

    private static final String SQUARE = "[[0,0],[1,0],[1,1],[0,1],[0,0]]";

    @Test
    void readsNearWithBothDistances() {
        assertEquals(new GeoNear(new GeoPoint(7.628, 51.9625), 2000.0, 100.0),
                GeoQuery.parse("near;maxDistance==2000;minDistance==100", "Point", "[7.628,51.9625]"));
        assertNull(GeoQuery.parse(null, null, null));
    }

    @Test
    void readsAPolygonWithItsHolesForWithin() {
        GeoRelation within = (GeoRelation) GeoQuery.parse("within", "Polygon",
                "[" + SQUARE + ", [[0.2,0.2],[0.4,0.2],[0.4,0.4],[0.2,0.2]]]");
        assertEquals(GeoRelation.Relation.WITHIN, within.relation());
        GeoShape.Polygon polygon = (GeoShape.Polygon) within.shape();
        assertEquals(2, polygon.rings().size());
        assertEquals(List.of(new GeoPoint(0, 0), new GeoPoint(1, 0), new GeoPoint(1, 1), new GeoPoint(0, 1), new GeoPoint(0, 0)),
                polygon.boundary());
        assertEquals(new GeoPoint(0.4, 0.2), polygon.rings().get(1).get(1));
    }

    @Test
    void readsEachRelationWithAPointOrAPolygon() {
        GeoShape.Point castle = new GeoShape.Point(new GeoPoint(7.6136, 51.9636));
        assertEquals(new GeoRelation(GeoRelation.Relation.INTERSECTS, castle),
                GeoQuery.parse("intersects", "Point", "[7.6136,51.9636]"));
        assertEquals(new GeoRelation(GeoRelation.Relation.EQUALS, castle), GeoQuery.parse("equals", "Point", "[7.6136,51.9636]"));
        assertEquals(GeoRelation.Relation.DISJOINT, ((GeoRelation) GeoQuery.parse("disjoint", "Polygon", "[" + SQUARE + "]")).relation());
        assertEquals(GeoRelation.Relation.INTERSECTS, ((GeoRelation) GeoQuery.parse("intersects", "Polygon", "[" + SQUARE + "]"))
                .relation());
    }

    @Test
    void refusesIncompleteOrMalformedGeoQueries() {
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near;maxDistance==10", null, "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near", "Point", "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near;maxDistance==10", "Polygon", "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near;radius==10", "Point", "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("near;maxDistance==10", "Point", "[200,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("intersects", "Point", "[1]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("within;maxDistance==10", "Polygon", "[" + SQUARE + "]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("beside", "Point", "[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> GeoQuery.parse("within", "Circle", "[1,2]"));
    }

    @Test
    void refusesPolygonsThatAreNotClosedRingsOfWgs84Positions() {
        assertMessage("is not closed", "within", "Polygon", "[[[0,0],[1,0],[1,1],[0,1]]]");
        assertMessage("needs at least 4", "within", "Polygon", "[[[0,0],[1,0],[0,0]]]");
        assertMessage("outside WGS 84", "within", "Polygon", "[[[0,0],[1,0],[1,91],[0,0]]]");
        assertMessage("outside WGS 84", "within", "Polygon", "[[[0,0],[181,0],[1,1],[0,0]]]");
        assertMessage("A position is [longitude, latitude]", "within", "Polygon", "[[[0,0],[1,0],[1],[0,0]]]");
        assertMessage("rings of positions", "within", "Polygon", "[]");
        assertMessage("ring is an array of positions", "within", "Polygon", "[\"x\"]");
        assertMessage("not a JSON array", "within", "Polygon", "[[[0,0]");
        assertMessage("Ring 2", "within", "Polygon", "[" + SQUARE + ",[[0.2,0.2],[0.4,0.2],[0.4,0.4]]]");
        String tooMany = IntStream.range(0, GeoQuery.MAX_POSITIONS).mapToObj(i -> "[0," + (i * 0.0001) + "]")
                .collect(Collectors.joining(",", "[[[1,1],", ",[1,1]]]"));
        assertMessage("at most " + GeoQuery.MAX_POSITIONS, "within", "Polygon", tooMany);
    }

    @Test
    void answersRelationsAndGeometriesItDoesNotSupportAsNotSupported() {
        assertThrows(UnsupportedOperationException.class, () -> GeoQuery.parse("contains", "Point", "[1,2]"));
        assertThrows(UnsupportedOperationException.class, () -> GeoQuery.parse("overlaps", "Polygon", "[" + SQUARE + "]"));
        assertThrows(UnsupportedOperationException.class, () -> GeoQuery.parse("intersects", "LineString", "[[0,0],[1,1]]"));
    }

    private static void assertMessage(String expected, String georel, String geometry, String coordinates) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GeoQuery.parse(georel, geometry, coordinates));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage() + " should say " + expected);
    }
}
