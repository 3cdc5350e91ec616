package io.urbanhub.core.internal.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.query.GeoCondition;
import io.urbanhub.api.query.GeoNear;
import io.urbanhub.api.query.GeoRelation;
import io.urbanhub.api.query.GeoShape;

/**
 * Turns NGSI-LD geo-queries into SQL on the longitude and latitude of {@code hub_entity}'s rows. A location is a
 * point, so each relation to a shape comes down to whether the shape covers the point, its boundary included.
 * Staying in SQL keeps ordering, paging and counting in the database as for every other filter.
 */
final class GeoSql {

    private static final String LONGITUDE = "hub_entity.longitude";
    private static final String LATITUDE = "hub_entity.latitude";
    private static final double EARTH_RADIUS_METRES = 6_371_000;
    private static final String LOCATED = LATITUDE + " IS NOT NULL AND " + LONGITUDE + " IS NOT NULL";

    private GeoSql() {
    }

    /**
     * The condition on an entity's location; appends its parameters.
     *
     * @param postgis whether to test polygons with PostGIS instead of plain SQL
     */
    static String condition(GeoCondition geo, boolean postgis, List<Object> parameters) {
        if (geo instanceof GeoNear near) {
            return near(near, parameters);
        }
        GeoRelation relation = (GeoRelation) geo;
        return switch (relation.relation()) {
            case WITHIN, INTERSECTS -> LOCATED + " AND " + covers(relation.shape(), postgis, parameters);
            case DISJOINT -> LOCATED + " AND NOT " + covers(relation.shape(), postgis, parameters);
            // a point equals a point it lies on, and never a polygon
            case EQUALS -> relation.shape() instanceof GeoShape.Point
                    ? LOCATED + " AND " + covers(relation.shape(), postgis, parameters)
                    : "1 = 0";
        };
    }

    /** Great-circle distance (haversine, metres) in plain SQL that H2 and PostgreSQL both run. */
    private static String near(GeoNear near, List<Object> parameters) {
        String distance = "(12742000 * ASIN(SQRT(POWER(SIN(RADIANS(" + LATITUDE + " - ?) / 2), 2)"
                + " + COS(RADIANS(?)) * COS(RADIANS(" + LATITUDE + ")) * POWER(SIN(RADIANS(" + LONGITUDE + " - ?) / 2), 2))))";
        List<Object> point = List.of(near.point().latitude(), near.point().latitude(), near.point().longitude());
        StringBuilder sql = new StringBuilder(LOCATED);
        if (near.maxDistance() != null) {
            sql.append(aroundBox(near.point(), near.maxDistance(), parameters));
            sql.append(" AND ").append(distance).append(" <= ?");
            parameters.addAll(point);
            parameters.add(near.maxDistance());
        }
        if (near.minDistance() != null) {
            sql.append(" AND ").append(distance).append(" >= ?");
            parameters.addAll(point);
            parameters.add(near.minDistance());
        }
        return sql.toString();
    }

    /**
     * The box of latitudes and longitudes that holds the circle, a little larger than it, so that the
     * (tenant, latitude, longitude) index narrows the rows before the exact distance is computed.
     */
    private static String aroundBox(GeoPoint centre, double metres, List<Object> parameters) {
        double latitudeSpan = Math.toDegrees(metres / EARTH_RADIUS_METRES) * 1.001;
        parameters.add(centre.latitude() - latitudeSpan);
        parameters.add(centre.latitude() + latitudeSpan);
        String box = " AND " + LATITUDE + " BETWEEN ? AND ?";
        double shrink = Math.cos(Math.toRadians(Math.min(89.0, Math.abs(centre.latitude()) + latitudeSpan)));
        double longitudeSpan = latitudeSpan / shrink;
        // no box across the antimeridian: the exact distance alone decides there
        if (centre.longitude() - longitudeSpan >= -180 && centre.longitude() + longitudeSpan <= 180) {
            parameters.add(centre.longitude() - longitudeSpan);
            parameters.add(centre.longitude() + longitudeSpan);
            box += " AND " + LONGITUDE + " BETWEEN ? AND ?";
        }
        return box;
    }

    private static String covers(GeoShape shape, boolean postgis, List<Object> parameters) {
        if (shape instanceof GeoShape.Point point) {
            parameters.add(point.position().longitude());
            parameters.add(point.position().latitude());
            return "(" + LONGITUDE + " = ? AND " + LATITUDE + " = ?)";
        }
        GeoShape.Polygon polygon = (GeoShape.Polygon) shape;
        // the box around the boundary lets the (tenant, latitude, longitude) index narrow the rows to test exactly
        List<GeoPoint> boundary = polygon.boundary();
        parameters.add(boundary.stream().mapToDouble(GeoPoint::longitude).min().orElseThrow());
        parameters.add(boundary.stream().mapToDouble(GeoPoint::longitude).max().orElseThrow());
        parameters.add(boundary.stream().mapToDouble(GeoPoint::latitude).min().orElseThrow());
        parameters.add(boundary.stream().mapToDouble(GeoPoint::latitude).max().orElseThrow());
        return "(" + LONGITUDE + " BETWEEN ? AND ? AND " + LATITUDE + " BETWEEN ? AND ? AND "
                + (postgis ? coversWithPostgis(polygon, parameters) : coversInPlainSql(polygon, parameters)) + ")";
    }

    private static String coversWithPostgis(GeoShape.Polygon polygon, List<Object> parameters) {
        parameters.add(geoJson(polygon));
        return "ST_Covers(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), ST_SetSRID(ST_MakePoint(" + LONGITUDE + ", "
                + LATITUDE + "), 4326))";
    }

    /**
     * Ray casting (even-odd rule over all rings, so holes fall out) plus an explicit test for points on an edge,
     * which ray casting leaves to chance. The edges come as a VALUES table, each with y1 <= y2, so that a crossing
     * needs no division and a horizontal edge is never crossed.
     */
    private static String coversInPlainSql(GeoShape.Polygon polygon, List<Object> parameters) {
        List<double[]> edges = edges(polygon);
        String onEdge = "EXISTS (SELECT 1 FROM " + edgeTable(edges, parameters) + " WHERE " + LATITUDE
                + " BETWEEN e.y1 AND e.y2 AND " + LONGITUDE + " BETWEEN LEAST(e.x1, e.x2) AND GREATEST(e.x1, e.x2)"
                + " AND (e.x2 - e.x1) * (" + LATITUDE + " - e.y1) = (" + LONGITUDE + " - e.x1) * (e.y2 - e.y1))";
        String oddCrossings = "(SELECT MOD(COUNT(*), 2) FROM " + edgeTable(edges, parameters) + " WHERE " + LATITUDE
                + " >= e.y1 AND " + LATITUDE + " < e.y2"
                + " AND (" + LONGITUDE + " - e.x1) * (e.y2 - e.y1) < (e.x2 - e.x1) * (" + LATITUDE + " - e.y1)) = 1";
        return "(" + onEdge + " OR " + oddCrossings + ")";
    }

    private static List<double[]> edges(GeoShape.Polygon polygon) {
        List<double[]> edges = new ArrayList<>();
        for (List<GeoPoint> ring : polygon.rings()) {
            for (int i = 0; i + 1 < ring.size(); i++) {
                GeoPoint a = ring.get(i);
                GeoPoint b = ring.get(i + 1);
                GeoPoint low = a.latitude() <= b.latitude() ? a : b;
                GeoPoint high = low == a ? b : a;
                edges.add(new double[] {low.longitude(), low.latitude(), high.longitude(), high.latitude()});
            }
        }
        return edges;
    }

    private static String edgeTable(List<double[]> edges, List<Object> parameters) {
        for (double[] edge : edges) {
            for (double coordinate : edge) {
                parameters.add(coordinate);
            }
        }
        // H2 takes an untyped parameter in VALUES for text
        String row = "(CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION),"
                + " CAST(? AS DOUBLE PRECISION))";
        return "(VALUES " + String.join(", ", Collections.nCopies(edges.size(), row)) + ") AS e(x1, y1, x2, y2)";
    }

    private static String geoJson(GeoShape.Polygon polygon) {
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[");
        for (int r = 0; r < polygon.rings().size(); r++) {
            json.append(r == 0 ? "[" : ",[");
            List<GeoPoint> ring = polygon.rings().get(r);
            for (int i = 0; i < ring.size(); i++) {
                json.append(i == 0 ? "[" : ",[").append(ring.get(i).longitude()).append(',')
                        .append(ring.get(i).latitude()).append(']');
            }
            json.append(']');
        }
        return json.append("]}").toString();
    }
}
