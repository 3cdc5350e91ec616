package io.urbanhub.route.datex2.internal.parse;

/**
 * A parking site or facility from a static table.
 *
 * @param capacity total number of spaces, null when the table gives none
 * @param longitude WGS 84 degrees
 * @param latitude WGS 84 degrees
 */
public record ParkingSite(String id, String name, Integer capacity, Double longitude, Double latitude) {
}
