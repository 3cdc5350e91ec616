package io.urbanhub.route.datex2.internal.parse;

import java.time.Instant;

/**
 * The state of one parking site, facility or area at one time.
 *
 * @param siteId id of the table record the status refers to
 * @param observedAt the status time the supplier gives for this record
 * @param capacity the number of spaces this status counts with, when it overrides the table
 * @param occupancy occupied share of the spaces as a fraction 0..1
 * @param status one of {@code open}, {@code almostFull}, {@code full}, {@code closed}; null when unknown
 */
public record ParkingStatus(String siteId, Instant observedAt, Integer capacity, Integer vacantSpaces,
        Integer occupiedSpaces, Double occupancy, String status) {
}
