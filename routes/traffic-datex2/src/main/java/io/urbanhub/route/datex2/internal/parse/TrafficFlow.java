package io.urbanhub.route.datex2.internal.parse;

import java.time.Instant;

/**
 * One measured value of a site: only the quantities the publication gives are set.
 *
 * <p>DATEX II v2 leaves open whether the measurement time is the start, middle or end of
 * the period, so the time and the period length are passed on as published.
 *
 * @param index the measured-value index; the site table maps it to a lane
 * @param measuredAt the value's own time, else the site's default measurement time
 * @param periodSeconds length of the measurement period, null when not given
 * @param vehicleFlowRate vehicles per hour
 * @param averageSpeed km/h
 * @param occupancy percent of time a detector is occupied, 0..100, as the standard defines it
 */
public record TrafficFlow(String siteId, int index, Instant measuredAt, Double periodSeconds,
        Double vehicleFlowRate, Double averageSpeed, Double occupancy) {
}
