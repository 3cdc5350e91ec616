package io.urbanhub.api.query;

import java.time.Instant;

/**
 * A time window of a temporal query; {@code null} bounds are open.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record TimeRange(Instant from, Instant to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The time range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
