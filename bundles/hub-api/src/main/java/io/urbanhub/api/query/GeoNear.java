package io.urbanhub.api.query;

import io.urbanhub.api.model.GeoPoint;

/**
 * Entities whose location lies within {@code maxDistance} and beyond {@code minDistance} metres of a
 * point (NGSI-LD {@code georel=near}); a {@code null} distance does not restrict.
 */
public record GeoNear(GeoPoint point, Double maxDistance, Double minDistance) implements GeoCondition {

    public GeoNear {
        if (point == null) {
            throw new IllegalArgumentException("near needs a point");
        }
        if (maxDistance == null && minDistance == null) {
            throw new IllegalArgumentException("near needs maxDistance or minDistance");
        }
        if (maxDistance != null && maxDistance < 0 || minDistance != null && minDistance < 0) {
            throw new IllegalArgumentException("distances are metres, not negative");
        }
    }
}
