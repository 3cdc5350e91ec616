package io.urbanhub.api.query;

import java.util.Objects;

/**
 * Entities whose location relates to a shape as NGSI-LD {@code georel} names it; the shape's boundary belongs to it,
 * so a location on a polygon's edge is within it (as PostGIS {@code ST_Covers}).
 */
public record GeoRelation(Relation relation, GeoShape shape) implements GeoCondition {

    public enum Relation {
        WITHIN, INTERSECTS, DISJOINT, EQUALS
    }

    public GeoRelation {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(shape, "shape");
    }
}
