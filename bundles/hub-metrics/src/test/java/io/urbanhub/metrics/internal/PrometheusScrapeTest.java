package io.urbanhub.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.urbanhub.api.admin.SpoolStats;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.metrics.MicrometerStoreMetrics;

/** What a Prometheus server reads at /metrics, from a real registry, parsed back from the text format. */
class PrometheusScrapeTest {

    private final PrometheusMeterRegistry registry = HubMetrics.newRegistry();

    @Test
    void inputsAreCountedPerInstanceTenantAndOutcomeWithALatencyHistogramAndBufferDepth() {
        MicrometerStoreMetrics store = new MicrometerStoreMetrics(registry);
        store.outcome(input("musterstadt"), Receipt.STORED, 3_000_000);
        store.outcome(input("musterstadt"), Receipt.STORED, 4_000_000);
        store.outcome(input("musterstadt"), Receipt.DUPLICATE, 2_000_000);
        store.outcome(input("nachbarort"), Receipt.DEAD_LETTER, 1_000_000);
        store.failed(input("nachbarort"), 30_000_000_000L);
        store.buffer(() -> 17);

        Scrape scrape = scrape();
        String instance = "adapter=\"lorawan-chirpstack\",instance=\"kdn\"";
        assertEquals(2, scrape.value("urbanhub_adapter_inputs_total", instance, "tenant=\"musterstadt\"", "outcome=\"stored\""));
        assertEquals(1, scrape.value("urbanhub_adapter_inputs_total", instance, "tenant=\"musterstadt\"", "outcome=\"duplicate\""));
        assertEquals(1, scrape.value("urbanhub_adapter_inputs_total", instance, "tenant=\"nachbarort\"", "outcome=\"dead_letter\""));
        assertEquals(1, scrape.value("urbanhub_adapter_inputs_total", instance, "tenant=\"nachbarort\"", "outcome=\"failed\""));
        assertEquals(4, scrape.value("urbanhub_store_latency_seconds_count", instance));
        assertEquals(0.01, scrape.value("urbanhub_store_latency_seconds_sum", instance), 1e-9);
        // histogram buckets, cumulative: all four within 5 ms
        assertEquals(4, scrape.value("urbanhub_store_latency_seconds_bucket", instance, "le=\"+Inf\""));
        assertTrue(scrape.lines("urbanhub_store_latency_seconds_bucket", instance).size() > 10);
        assertEquals(17, scrape.value("urbanhub_store_buffer_depth"));
        assertTrue(scrape.text().contains("# TYPE urbanhub_adapter_inputs_total counter"));
        assertTrue(scrape.text().contains("# TYPE urbanhub_store_latency_seconds histogram"));
    }

    @Test
    void anOutageShowsAsTheInputsAndBytesSpooledAndTheDatabaseAway() {
        MicrometerStoreMetrics store = new MicrometerStoreMetrics(registry);
        store.outcome(input("musterstadt"), Receipt.SPOOLED, 1_000_000);
        store.spool(() -> new SpoolStats(false, 1_234, 567_890, 1L << 30));

        Scrape scrape = scrape();
        assertEquals(1, scrape.value("urbanhub_adapter_inputs_total", "adapter=\"lorawan-chirpstack\"",
                "tenant=\"musterstadt\"", "outcome=\"spooled\""));
        assertEquals(1_234, scrape.value("urbanhub_store_spool_inputs"));
        assertEquals(567_890, scrape.value("urbanhub_store_spool_bytes"));
        assertEquals(0, scrape.value("urbanhub_store_reachable"));
    }

    @Test
    void theJvmIsMeasured() {
        try (JvmMeters jvm = new JvmMeters(registry)) {
            Scrape scrape = scrape();
            assertFalse(scrape.lines("jvm_memory_used_bytes", "area=\"heap\"").isEmpty());
            assertTrue(scrape.value("jvm_threads_live_threads") > 0);
            assertTrue(scrape.value("process_uptime_seconds") > 0);
            assertTrue(scrape.value("system_cpu_count") > 0);
            assertTrue(scrape.value("jvm_classes_loaded_classes") > 0);
        }
    }

    @Test
    void camelsRouteStatisticsAreTheRoutesMeters() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getCamelContextExtension().setName("lorawan-chirpstack.kdn");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:uplinks").routeId("uplinks").process(exchange -> {
                        if ("bad".equals(exchange.getIn().getBody())) {
                            throw new IllegalArgumentException("undecodable");
                        }
                    });
                }
            });
            camel.start();
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                template.sendBody("direct:uplinks", "good");
                template.sendBody("direct:uplinks", "good");
                assertThrows(CamelExecutionException.class, () -> template.sendBody("direct:uplinks", "bad"));
            }
            CamelRouteMeters.Bound bound = CamelRouteMeters.bind(camel, Tags.of("adapter", "lorawan-chirpstack", "instance", "kdn"), registry);
            assertEquals(4, bound.meters().size());
            System.gc();

            Scrape scrape = scrape();
            String route = "camelContext=\"lorawan-chirpstack.kdn\"";
            assertEquals(3, scrape.value("camel_exchanges_total", route, "routeId=\"uplinks\"", "adapter=\"lorawan-chirpstack\""));
            assertEquals(1, scrape.value("camel_exchanges_failed_total", route, "routeId=\"uplinks\""));
            assertEquals(0, scrape.value("camel_exchanges_inflight", route));
            assertEquals(3, scrape.value("camel_route_processing_seconds_count", route));

            bound.meters().forEach(registry::remove);
            assertTrue(scrape().lines("camel_exchanges_total").isEmpty());
        }
    }

    private Scrape scrape() {
        return new Scrape(new MetricsResource(registry).scrape().getEntity().toString());
    }

    private static Input input(String tenant) {
        return new Input(tenant, new Source("lorawan-chirpstack.kdn", "chirpstack", "a84041000181c061", "1"),
                Instant.now(), "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** The Prometheus text format, line by line: {@code name{label="value",...} number}. */
    record Scrape(String text) {

        List<String> lines(String name, String... labels) {
            return text.lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> List.of(labels).stream().allMatch(line::contains))
                    .toList();
        }

        double value(String name, String... labels) {
            List<String> found = lines(name, labels);
            assertEquals(1, found.size(), () -> "one series " + name + " " + List.of(labels) + " in\n" + text);
            String line = found.get(0);
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
    }
}
