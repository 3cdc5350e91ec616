package io.urbanhub.core.internal.store;

import java.util.Arrays;

/** The durations of the most recent store transactions, for their mean and percentiles. */
public final class BatchTimes {

    static final int KEPT = 1024;

    private final long[] nanos = new long[KEPT];
    private long recorded;

    synchronized void record(long durationNanos) {
        nanos[(int) (recorded++ % KEPT)] = durationNanos;
    }

    /** Mean, median, 95th and 99th percentile in milliseconds, and how many durations they come from. */
    synchronized Summary summary() {
        int count = (int) Math.min(recorded, KEPT);
        if (count == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new Summary(millis(mean), millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), count);
    }

    /** Nearest rank: the smallest value that at least p percent of the values do not exceed. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(double nanos) {
        return nanos / 1_000_000.0;
    }

    public record Summary(double mean, double p50, double p95, double p99, int count) {
    }
}
