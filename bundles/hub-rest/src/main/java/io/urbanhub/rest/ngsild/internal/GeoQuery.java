package io.urbanhub.rest.ngsild.internal;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.query.GeoNear;

/**
 * Reads the NGSI-LD geo-query parameters {@code georel}, {@code geometry} and {@code coordinates}.
 * Supported: {@code near;maxDistance==m} and {@code near;minDistance==m} around a {@code Point}.
 */
final class GeoQuery {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoQuery() {
    }

    /** The place to filter by, or {@code null} when the query has none. */
    static GeoNear parse(String georel, String geometry, String coordinates) {
        if (georel == null && geometry == null && coordinates == null) {
            return null;
        }
        if (georel == null || geometry == null || coordinates == null) {
            throw new IllegalArgumentException("A geo-query needs georel, geometry and coordinates together");
        }
        String[] parts = georel.split(";");
        if (!parts[0].equals("near")) {
            throw new UnsupportedOperationException("georel " + parts[0] + " is not supported yet; near is");
        }
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
        return new GeoNear(point(coordinates), max, min);
    }

    private static GeoPoint point(String coordinates) {
        JsonNode array;
        try {
            array = MAPPER.readTree(coordinates);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("coordinates " + coordinates + " are not a JSON array");
        }
        if (array == null || !array.isArray() || array.size() != 2 || !array.get(0).isNumber() || !array.get(1).isNumber()) {
            throw new IllegalArgumentException("A Point's coordinates are [longitude, latitude], not " + coordinates);
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
