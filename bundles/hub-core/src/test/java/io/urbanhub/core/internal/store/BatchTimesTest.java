package io.urbanhub.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BatchTimesTest {

    @Test
    void percentilesAreNearestRankOverTheMostRecentBatches() {
        BatchTimes times = new BatchTimes();
        for (int i = 1; i <= 100; i++) {
            times.record(i * 1_000_000L);
        }
        BatchTimes.Summary summary = times.summary();
        assertEquals(50.5, summary.mean(), 1e-9);
        assertEquals(50, summary.p50(), 1e-9);
        assertEquals(95, summary.p95(), 1e-9);
        assertEquals(99, summary.p99(), 1e-9);
        assertEquals(100, summary.count());
    }

    @Test
    void onlyTheLastKeptBatchesCount() {
        BatchTimes times = new BatchTimes();
        for (int i = 0; i < BatchTimes.KEPT; i++) {
            times.record(500_000_000L);
        }
        for (int i = 0; i < BatchTimes.KEPT; i++) {
            times.record(2_000_000L);
        }
        assertEquals(2, times.summary().p99(), 1e-9);
        assertEquals(BatchTimes.KEPT, times.summary().count());
    }
}
