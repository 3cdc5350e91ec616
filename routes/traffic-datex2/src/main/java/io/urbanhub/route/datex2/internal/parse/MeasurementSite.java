package io.urbanhub.route.datex2.internal.parse;

import java.util.Map;

/**
 * A traffic measurement site from a measurement site table.
 *
 * @param lanes number of lanes at the site, null when not given
 * @param laneByIndex the lane ({@code lane1}, {@code allLanesCompleteCarriageway}, ...) each
 *        measured-value index refers to, for the indexes that name one
 */
public record MeasurementSite(String id, String name, Double longitude, Double latitude, Integer lanes,
        Map<Integer, String> laneByIndex) {

    public MeasurementSite {
        laneByIndex = Map.copyOf(laneByIndex);
    }
}
