package io.urbanhub.core.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.urbanhub.api.admin.AdapterCounts;
import io.urbanhub.api.spi.Receipt;

/** In, stored, duplicates and dead letters per adapter instance. */
final class AdapterCounters {

    private final Map<String, Counter> byAdapter = new ConcurrentHashMap<>();

    void count(String adapter, Receipt receipt, Instant receivedAt) {
        Counter counter = byAdapter.computeIfAbsent(adapter, name -> new Counter());
        counter.in.incrementAndGet();
        counter.lastMinute.add(1, System.currentTimeMillis());
        counter.lastMessageAt.set(receivedAt);
        outcome(counter, receipt);
    }

    /** The outcome of an input that was spooled, and so counted in before, once the store has it. */
    void drained(String adapter, Receipt receipt) {
        outcome(byAdapter.computeIfAbsent(adapter, name -> new Counter()), receipt);
    }

    private static void outcome(Counter counter, Receipt receipt) {
        switch (receipt) {
            case STORED -> counter.stored.incrementAndGet();
            case DUPLICATE -> counter.duplicates.incrementAndGet();
            case DEAD_LETTER -> counter.deadLetters.incrementAndGet();
            case SPOOLED -> {
                // counted once the spool is written to the store
            }
        }
    }

    Map<String, AdapterCounts> snapshot() {
        return byAdapter.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().counts()));
    }

    private static final class Counter {
        final AtomicLong in = new AtomicLong();
        final AtomicLong stored = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong deadLetters = new AtomicLong();
        final AtomicReference<Instant> lastMessageAt = new AtomicReference<>();
        final LastMinute lastMinute = new LastMinute();

        AdapterCounts counts() {
            return new AdapterCounts(in.get(), stored.get(), duplicates.get(), deadLetters.get(), lastMessageAt.get(),
                    lastMinute.sum(System.currentTimeMillis()));
        }
    }
}
