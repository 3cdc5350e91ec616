package io.urbanhub.api.model;

/** A WGS 84 position, written as a GeoJSON {@code Point} with coordinates [longitude, latitude]. */
public record GeoPoint(double longitude, double latitude) {

    public GeoPoint {
        if (!(longitude >= -180 && longitude <= 180) || !(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("Position (" + longitude + ", " + latitude + ") is outside WGS 84");
        }
    }
}
