package io.urbanhub.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.metrics.MicrometerStoreMetrics;

/** The data layer's outcomes in a meter registry, per adapter instance and tenant, on a real store. */
class StoreMetricsIT {

    private static final String ADAPTER = "lorawan-chirpstack.musterstadt";

    @Test
    void outcomesAreCountedPerInstanceTenantAndOutcomeWithTheStoreLatency() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerStoreMetrics metrics = new MicrometerStoreMetrics(registry);
        try (ActivatedDataLayer activated = new ActivatedDataLayer(h2)) {
            HubDataLayer dataLayer = activated.get();
            dataLayer.bindMetrics(metrics);

            assertEquals(Receipt.STORED, dataLayer.accept(input("musterstadt", "7"), List.of(reading("musterstadt"))));
            assertEquals(Receipt.DUPLICATE, dataLayer.accept(input("musterstadt", "7"), List.of(reading("musterstadt"))));
            assertEquals(Receipt.STORED, dataLayer.accept(input("nachbarort", "8"), List.of(reading("nachbarort"))));
            dataLayer.reject(input("musterstadt", "9"), "unknown device");

            assertEquals(1, inputs(registry, "musterstadt", "stored"));
            assertEquals(1, inputs(registry, "musterstadt", "duplicate"));
            assertEquals(1, inputs(registry, "musterstadt", "dead_letter"));
            assertEquals(1, inputs(registry, "nachbarort", "stored"));
            Timer latency = registry.get("urbanhub.store.latency")
                    .tags("adapter", "lorawan-chirpstack", "instance", "musterstadt").timer();
            assertEquals(4, latency.count());
            assertNotNull(registry.get("urbanhub.store.buffer.depth").gauge());
            assertEquals(0, registry.get("urbanhub.store.spool.inputs").gauge().value());
            assertEquals(1, registry.get("urbanhub.store.reachable").gauge().value());

            dataLayer.unbindMetrics(metrics);
            assertNull(registry.find("urbanhub.store.buffer.depth").gauge());
            assertNull(registry.find("urbanhub.store.spool.bytes").gauge());
            dataLayer.accept(input("musterstadt", "10"), List.of(reading("musterstadt")));
            assertEquals(1, inputs(registry, "musterstadt", "stored"));
        }
    }

    private static double inputs(SimpleMeterRegistry registry, String tenant, String outcome) {
        return registry.get("urbanhub.adapter.inputs").tags("adapter", "lorawan-chirpstack", "instance", "musterstadt",
                "tenant", tenant, "outcome", outcome).counter().count();
    }

    private static Input input(String tenant, String frame) {
        return new Input(tenant, new Source(ADAPTER, "chirpstack", "a84041000181c061", frame), Instant.now(),
                ("{\"fCnt\":" + frame + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Observation reading(String tenant) {
        return new Observation(new EntityId("IndoorEnvironmentObserved", tenant, "cold-room-1"), Instant.now(),
                Map.of("temperature", Property.of(4.2, UnitCodes.DEGREE_CELSIUS)), null,
                new Source(ADAPTER, "chirpstack", "a84041000181c061", "1"));
    }
}
