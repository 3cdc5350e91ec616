package io.urbanhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.StoreWriter;
import io.urbanhub.core.internal.store.Write;

/**
 * The hub's own write path, as the data layer drives it: LHT65-like readings (five values each) of 1000
 * devices through the store writer into the store, with de-duplication and entity state.
 */
final class IngestRun {

    static final int VALUES_PER_INPUT = 5;
    /** The data layer's default on PostgreSQL. */
    static final int WRITERS = 2;

    private IngestRun() {
    }

    /** Observation rows per second when {@code adapters} threads each wait for every write, as adapters do. */
    static double waitingAdapters(JdbcStore store, String tenant, int inputs, int adapters) throws Exception {
        try (StoreWriter writer = new StoreWriter(store, 10_000, 500, Duration.ZERO, Duration.ofSeconds(60), WRITERS)) {
            ExecutorService pool = Executors.newFixedThreadPool(adapters);
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int a = 0; a < adapters; a++) {
                int adapter = a;
                done.add(pool.submit(() -> {
                    for (int i = adapter; i < inputs; i += adapters) {
                        expectStored(writer.submit(reading(tenant, i)).get());
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
            return inputs * (double) VALUES_PER_INPUT / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Observation rows per second when one importer hands over writes without waiting for each. */
    static double bulkImport(JdbcStore store, String tenant, int inputs) throws Exception {
        try (StoreWriter writer = new StoreWriter(store, 10_000, 500, Duration.ZERO, Duration.ofSeconds(60), WRITERS)) {
            long started = System.nanoTime();
            List<CompletableFuture<Receipt>> receipts = new ArrayList<>(inputs);
            for (int i = 0; i < inputs; i++) {
                receipts.add(writer.submit(reading(tenant, i)));
            }
            for (CompletableFuture<Receipt> receipt : receipts) {
                expectStored(receipt.get());
            }
            return inputs * (double) VALUES_PER_INPUT / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static void expectStored(Receipt receipt) {
        if (receipt != Receipt.STORED) {
            throw new IllegalStateException("A fresh reading was not stored: " + receipt);
        }
    }

    private static Write reading(String tenant, int i) {
        String device = "d" + (i % 1000);
        Instant at = Instant.parse("2026-11-27T00:00:00Z").plusSeconds(i);
        Source source = new Source("lorawan-chirpstack." + tenant, "chirpstack", device, "fcnt:" + i);
        Observation observation = new Observation(new EntityId("IndoorEnvironmentObserved", tenant, device), at, Map.of(
                "temperature", Property.of(4.0 + i % 100 / 10.0, UnitCodes.DEGREE_CELSIUS),
                "relativeHumidity", Property.of(80.0, UnitCodes.PERCENT),
                "externalTemperature", Property.of(3.5, UnitCodes.DEGREE_CELSIUS),
                "batteryVoltage", Property.of(3.06, UnitCodes.VOLT),
                "batteryStatus", Property.of("good")), new GeoPoint(7.62, 51.96), source);
        return new Write(new Input(tenant, source, at, new byte[11]), List.of(observation));
    }
}
