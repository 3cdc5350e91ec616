package io.urbanhub.rest.ngsild.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.query.GeoCondition;
import io.urbanhub.api.query.GeoNear;
import io.urbanhub.api.query.GeoRelation;
import io.urbanhub.api.query.GeoShape;

/**
 * Reads the NGSI-LD geo-query parameters {@code georel}, {@code geometry} and {@code coordinates}.
 * Supported: {@code near;maxDistance==m} and {@code near;minDistance==m} around a {@code Point}, and
 * {@code within}, {@code intersects}, {@code disjoint} and {@code equals} with a {@code Point} or a {@code Polygon}.
 */
final class GeoQuery {

    /** Bounds the SQL that one polygon becomes in the store. */
    static final int MAX_POSITIONS = 1000;


    private GeoQuery() {
    }

    /** The place to filter by, or {@code null} when the query has none. */
    static GeoCondition parse(String georel, String geometry, String coordinates) {
        if (georel == null && geometry == null && coordinates == null) {
            return null;
        }
        if (georel == null || geometry == null || coordinates == null) {
            throw new IllegalArgumentException("A geo-query needs georel, geometry and coordinates together");
        }
        String[] parts = georel.split(";");
        if (parts[0].equals("near")) {
            return near(parts, geometry, coordinates);
        }
        GeoRelation.Relation relation = relation(parts[0]);
        if (parts.length > 1) {
            throw new IllegalArgumentException(parts[0] + " takes no modifiers, not " + parts[1]);
        }
        return new GeoRelation(relation, shape(geometry, coordinates));
    }

    private static GeoRelation.Relation relation(String georel) {
        return switch (georel) {
            case "within" -> GeoRelation.Relation.WITHIN;
            case "intersects" -> GeoRelation.Relation.INTERSECTS;
            case "disjoint" -> GeoRelation.Relation.DISJOINT;
            case "equals" -> GeoRelation.Relation.EQUALS;
            case "contains", "overlaps" -> throw new UnsupportedOperationException("georel " + georel
                    + " is not supported; near, within, intersects, disjoint and equals are");
            default -> throw new IllegalArgumentException("georel " + georel
                    + " is none of near, within, contains, intersects, equals, disjoint and overlaps");
        };
    }

    private static GeoNear near(String[] parts, String geometry, String coordinates) {
        if (!geometry.equals("Point")) {
            throw new IllegalArgumentException("near needs geometry=Point, not " + geometry);
        }
        Double max = null;
        Double min = null;
        for (int i = 1; i < parts.length; i++) {
            String[] modifier = parts[i].split("==", 2);
            if (modifier.length != 2) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not of the form maxDistance==metres");
            }
            double metres = number(modifier[1], modifier[0]);
            switch (modifier[0].toLowerCase(Locale.ROOT)) {
                case "maxdistance" -> max = metres;
                case "mindistance" -> min = metres;
                default -> throw new IllegalArgumentException("near takes maxDistance or minDistance, not " + modifier[0]);
            }
        }
        return new GeoNear(position(json(coordinates), coordinates), max, min);
    }

    private static GeoShape shape(String geometry, String coordinates) {
        return switch (geometry) {
            case "Point" -> new GeoShape.Point(position(json(coordinates), coordinates));
            case "Polygon" -> polygon(json(coordinates), coordinates);
            case "LineString", "MultiPoint", "MultiLineString", "MultiPolygon" -> throw new UnsupportedOperationException(
                    "geometry " + geometry + " is not supported; Point and Polygon are");
            default -> throw new IllegalArgumentException("geometry " + geometry + " is not a GeoJSON geometry type");
        };
    }

    private static GeoShape.Polygon polygon(JsonNode rings, String coordinates) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("A Polygon's coordinates are rings of positions, [[[longitude, latitude], ...]],"
                    + " not " + coordinates);
        }
        List<List<GeoPoint>> polygon = new ArrayList<>();
        int positions = 0;
        for (JsonNode ring : rings) {
            if (!ring.isArray()) {
                throw new IllegalArgumentException("A Polygon's ring is an array of positions, not " + ring);
            }
            positions += ring.size();
            if (positions > MAX_POSITIONS) {
                throw new IllegalArgumentException("A Polygon may have at most " + MAX_POSITIONS + " positions");
            }
            List<GeoPoint> points = new ArrayList<>();
            for (JsonNode position : ring) {
                points.add(position(position, position.toString()));
            }
            polygon.add(points);
        }
        return new GeoShape.Polygon(polygon);
    }

    private static JsonNode json(String coordinates) {
        JsonNode json;
        try {
            json = RequestBodies.json(coordinates, "coordinates");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("coordinates " + coordinates + " are not a JSON array");
        }
        if (json == null || !json.isArray()) {
            throw new IllegalArgumentException("coordinates " + coordinates + " are not a JSON array");
        }
        return json;
    }

    private static GeoPoint position(JsonNode array, String text) {
        if (!array.isArray() || array.size() != 2 || !array.get(0).isNumber() || !array.get(1).isNumber()) {
            throw new IllegalArgumentException("A position is [longitude, latitude], not " + text);
        }
        return new GeoPoint(array.get(0).asDouble(), array.get(1).asDouble());
    }

    private static double number(String value, String name) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a number of metres");
        }
    }
}
