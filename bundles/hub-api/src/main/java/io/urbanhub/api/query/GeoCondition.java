package io.urbanhub.api.query;

/**
 * Where the entities of a query must be, as an NGSI-LD geo-query: {@link GeoNear} a point, or a {@link GeoRelation}
 * to a shape. Sealed, so that a store can tell it answers every kind there is.
 */
public sealed interface GeoCondition permits GeoNear, GeoRelation {
}
