package io.urbanhub.api.query;

import java.time.Instant;

/** The numeric values of one attribute within one period [start, end): their average, extremes, sum and count. */
public record Aggregate(String attribute, Instant start, Instant end, double avg, double min, double max, double sum,
                        long totalCount) {
}
