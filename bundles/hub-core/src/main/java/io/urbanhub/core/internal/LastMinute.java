package io.urbanhub.core.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/** Counts events in one-second slots and sums the last 60 of them, without a lock on the hot path. */
final class LastMinute {

    private static final int SLOTS = 60;

    private final AtomicLongArray seconds = new AtomicLongArray(SLOTS);
    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);

    void add(long events, long nowMillis) {
        long second = nowMillis / 1000;
        int slot = (int) (second % SLOTS);
        long owner = seconds.get(slot);
        if (owner != second && seconds.compareAndSet(slot, owner, second)) {
            // the slot held an older second: it starts again; a racing add may be lost, which a rate can bear
            counts.set(slot, 0);
        }
        counts.addAndGet(slot, events);
    }

    long sum(long nowMillis) {
        long second = nowMillis / 1000;
        long total = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (second - seconds.get(slot) < SLOTS) {
                total += counts.get(slot);
            }
        }
        return total;
    }
}
