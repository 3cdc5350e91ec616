package io.urbanhub.api.query;

import java.util.List;
import java.util.Objects;

import io.urbanhub.api.model.GeoPoint;

/** The reference geometry of a geo-query, in GeoJSON's terms: longitude and latitude on a plane. */
public sealed interface GeoShape permits GeoShape.Point, GeoShape.Polygon {

    record Point(GeoPoint position) implements GeoShape {

        public Point {
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * A GeoJSON Polygon: the first ring is its boundary, any further rings are holes in it.
     *
     * @param rings closed rings: at least four positions each, the last the same as the first
     */
    record Polygon(List<List<GeoPoint>> rings) implements GeoShape {

        public Polygon {
            rings = rings.stream().map(List::copyOf).toList();
            if (rings.isEmpty()) {
                throw new IllegalArgumentException("A Polygon needs at least its outer ring");
            }
            for (int i = 0; i < rings.size(); i++) {
                List<GeoPoint> ring = rings.get(i);
                if (ring.size() < 4) {
                    throw new IllegalArgumentException("Ring " + (i + 1) + " of the Polygon has " + ring.size()
                            + " positions; a closed ring needs at least 4");
                }
                GeoPoint first = ring.get(0);
                GeoPoint last = ring.get(ring.size() - 1);
                // compared as numbers, so that -0.0 closes a ring that starts at 0.0
                if (first.longitude() != last.longitude() || first.latitude() != last.latitude()) {
                    throw new IllegalArgumentException("Ring " + (i + 1) + " of the Polygon is not closed: it must end"
                            + " at its first position");
                }
            }
        }

        public List<GeoPoint> boundary() {
            return rings.get(0);
        }
    }
}
