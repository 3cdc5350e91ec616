package io.urbanhub.api.admin;

import java.time.Instant;

/**
 * What one adapter instance handed to the data layer since the hub started.
 *
 * @param in            inputs received
 * @param stored        inputs whose observations were stored
 * @param duplicates    inputs dropped as already stored
 * @param deadLetters   inputs kept as dead letters
 * @param lastMessageAt when the last input arrived, or {@code null}
 * @param lastMinute    inputs received in the last 60 seconds
 */
public record AdapterCounts(long in, long stored, long duplicates, long deadLetters, Instant lastMessageAt,
                            long lastMinute) {

    public AdapterCounts(long in, long stored, long duplicates, long deadLetters, Instant lastMessageAt) {
        this(in, stored, duplicates, deadLetters, lastMessageAt, 0);
    }

    /** Inputs per second, averaged over the last minute. */
    public double ratePerSecond() {
        return lastMinute / 60.0;
    }
}
