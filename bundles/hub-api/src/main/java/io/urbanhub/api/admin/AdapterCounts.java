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
 */
public record AdapterCounts(long in, long stored, long duplicates, long deadLetters, Instant lastMessageAt) {
}
