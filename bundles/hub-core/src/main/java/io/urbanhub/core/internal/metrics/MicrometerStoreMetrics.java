package io.urbanhub.core.internal.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.urbanhub.api.admin.SpoolStats;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;

/**
 * Records the data layer's outcomes in the hub's meter registry: inputs by adapter instance, tenant and outcome,
 * and the store latency per adapter instance as a histogram. Present only while a MeterRegistry service is (the
 * hub-metrics feature); Micrometer is an optional import of this bundle, so hub-core runs without it.
 */
@Component(service = StoreMetrics.class)
public class MicrometerStoreMetrics implements StoreMetrics {

    static final String INPUTS = "urbanhub.adapter.inputs";
    static final String LATENCY = "urbanhub.store.latency";
    static final String BUFFER_DEPTH = "urbanhub.store.buffer.depth";
    static final String SPOOL_INPUTS = "urbanhub.store.spool.inputs";
    static final String SPOOL_BYTES = "urbanhub.store.spool.bytes";
    static final String REACHABLE = "urbanhub.store.reachable";

    private record Key(String source, String tenant, String outcome) {
    }

    private final MeterRegistry registry;
    // looked up once per series: the hot path is a map read and an add
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Activate
    public MicrometerStoreMetrics(@Reference MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void outcome(Input input, Receipt receipt, long nanos) {
        count(input, switch (receipt) {
            case STORED -> "stored";
            case DUPLICATE -> "duplicate";
            case DEAD_LETTER -> "dead_letter";
            case SPOOLED -> "spooled";
        });
        latency(input.source().adapter()).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(Input input, long nanos) {
        count(input, "failed");
    }

    @Override
    public AutoCloseable buffer(IntSupplier depth) {
        Meter gauge = Gauge.builder(BUFFER_DEPTH, depth, IntSupplier::getAsInt).strongReference(true)
                .description("Inputs waiting in the store's write buffer; adapters wait when it is full")
                .register(registry);
        return () -> registry.remove(gauge);
    }

    @Override
    public AutoCloseable spool(Supplier<SpoolStats> spool) {
        List<Meter> gauges = List.of(
                Gauge.builder(SPOOL_INPUTS, spool, s -> s.get().spooledInputs()).strongReference(true)
                        .description("Inputs kept on disk while the database is away, not yet in the store")
                        .register(registry),
                Gauge.builder(SPOOL_BYTES, spool, s -> s.get().spooledBytes()).strongReference(true)
                        .description("Bytes the spool holds on disk").baseUnit("bytes").register(registry),
                Gauge.builder(REACHABLE, spool, s -> s.get().databaseReachable() ? 1 : 0).strongReference(true)
                        .description("1 while the database answers the store's writes, 0 while it is away")
                        .register(registry));
        return () -> gauges.forEach(registry::remove);
    }

    @Deactivate
    void deactivate() {
        counters.values().forEach(registry::remove);
        timers.values().forEach(registry::remove);
    }

    private void count(Input input, String outcome) {
        Key key = new Key(input.source().adapter(), input.tenant(), outcome);
        Counter counter = counters.get(key);
        if (counter == null) {
            counter = counters.computeIfAbsent(key, k -> Counter.builder(INPUTS)
                    .description("Inputs the data layer took from adapters, by outcome")
                    .tags(instanceTags(k.source())).tag("tenant", k.tenant()).tag("outcome", k.outcome())
                    .register(registry));
        }
        counter.increment();
    }

    private Timer latency(String source) {
        Timer timer = timers.get(source);
        return timer != null ? timer : timers.computeIfAbsent(source, s -> Timer.builder(LATENCY)
                .description("From handing an input to the store until it is stored, dropped or a dead letter")
                .tags(instanceTags(s))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry));
    }

    /** {@code lorawan-chirpstack.musterstadt} → adapter {@code lorawan-chirpstack}, instance {@code musterstadt}. */
    static Tags instanceTags(String source) {
        int dot = source.indexOf('.');
        return dot < 0 ? Tags.of("adapter", source, "instance", "")
                : Tags.of("adapter", source.substring(0, dot), "instance", source.substring(dot + 1));
    }
}
