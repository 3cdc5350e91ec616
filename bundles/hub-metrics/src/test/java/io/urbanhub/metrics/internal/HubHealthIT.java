package io.urbanhub.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.SpoolStats;
import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.testing.LocalService;

/** The readiness JSON and status code for running, failed and stopped instances, on a real H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubHealthIT {

    private static final AdapterInstanceStatus RUNNING = new AdapterInstanceStatus("lorawan-chirpstack.musterstadt",
            "lorawan-chirpstack", "musterstadt", "RUNNING", "");
    private static final AdapterInstanceStatus FAILED = new AdapterInstanceStatus("traffic-datex2.musterstadt",
            "traffic-datex2", "musterstadt", "FAILED", "no endpoint could be found for: sftp");
    private static final AdapterInstanceStatus STOPPED = new AdapterInstanceStatus("mqtt-heartbeat.demo",
            "mqtt-heartbeat", "demo", "STOPPED", "stopped by an admin");

    private BothDatabases databases;

    @BeforeAll
    void startPostgres() {
        databases = new BothDatabases();
    }

    @AfterAll
    void stopPostgres() {
        databases.close();
    }

    Stream<DataSource> stores() {
        return databases.fresh();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void readyWhenTheStoreAnswersAndEveryInstanceRunsAStoppedOneNotCounting(DataSource store) throws Exception {
        try (StoreCheck check = new StoreCheck(() -> store, Duration.ofSeconds(2))) {
            Response response = HealthResource.answer(new HubHealth(() -> List.of(RUNNING, STOPPED), check).ready());
            assertEquals(200, response.getStatus());
            JsonNode body = json(response);
            assertEquals("UP", body.at("/status").asText());
            assertEquals("UP", body.at("/store/status").asText());
            assertEquals("UP", body.at("/adapters/status").asText());
            assertEquals("lorawan-chirpstack.musterstadt", body.at("/adapters/instances/0/name").asText());
            assertEquals("RUNNING", body.at("/adapters/instances/0/state").asText());
            assertEquals("UP", body.at("/adapters/instances/0/status").asText());
            assertTrue(body.at("/adapters/instances/0/reason").isMissingNode());
            assertEquals("OUT_OF_SERVICE", body.at("/adapters/instances/1/status").asText());
            assertEquals("stopped by an admin", body.at("/adapters/instances/1/reason").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aFailedInstanceMakesTheHubUnreadyWithItsReason(DataSource store) throws Exception {
        try (StoreCheck check = new StoreCheck(() -> store, Duration.ofSeconds(2))) {
            Response response = HealthResource.answer(new HubHealth(() -> List.of(RUNNING, FAILED), check).ready());
            assertEquals(503, response.getStatus());
            JsonNode body = json(response);
            assertEquals("DOWN", body.at("/status").asText());
            assertEquals("UP", body.at("/store/status").asText());
            assertEquals("DOWN", body.at("/adapters/status").asText());
            assertEquals("DOWN", body.at("/adapters/instances/1/status").asText());
            assertEquals("FAILED", body.at("/adapters/instances/1/state").asText());
            assertEquals("no endpoint could be found for: sftp", body.at("/adapters/instances/1/reason").asText());
        }
    }

    @Test
    void aStoreThatDoesNotAnswerMakesTheHubUnready() throws Exception {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:" + LocalService.freePort() + "/urbanhub");
        assertDown(unreachable, "Connection");
        assertDown(null, "no DataSource named urbanhub");
    }

    @Test
    void aStoreThatHangsIsDownWithinTheTimeout() throws Exception {
        // a port that takes the connection and never answers PostgreSQL's startup message
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            PGSimpleDataSource hanging = new PGSimpleDataSource();
            hanging.setURL("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/urbanhub");
            long started = System.nanoTime();
            try (StoreCheck check = new StoreCheck(() -> hanging, Duration.ofMillis(300))) {
                assertEquals("no answer within 300 ms", check.problem());
            }
            assertTrue(System.nanoTime() - started < 5_000_000_000L);
        }
    }

    @Test
    void withoutTheRouteRuntimeTheHubIsUnreadyButAlive() throws Exception {
        DataSource h2 = databases.fresh().findFirst().orElseThrow();
        try (StoreCheck check = new StoreCheck(() -> h2, Duration.ofSeconds(2))) {
            Supplier<List<AdapterInstanceStatus>> none = () -> null;
            JsonNode body = json(HealthResource.answer(new HubHealth(none, check).ready()));
            assertEquals("DOWN", body.at("/adapters/status").asText());
            assertEquals("the adapter runtime is not running", body.at("/adapters/reason").asText());
        }
        Response live = HealthResource.answer(HubHealth.live());
        assertEquals(200, live.getStatus());
        assertEquals("UP", json(live).at("/status").asText());
    }

    @Test
    void anOutageIsReportedWithTheInputsSpooledMeanwhileAndTheHubStaysAlive() throws Exception {
        PGSimpleDataSource away = new PGSimpleDataSource();
        away.setURL("jdbc:postgresql://127.0.0.1:" + LocalService.freePort() + "/urbanhub");
        try (StoreCheck check = new StoreCheck(() -> away, Duration.ofSeconds(2))) {
            Response response = HealthResource.answer(new HubHealth(() -> List.of(RUNNING), check,
                    () -> new SpoolStats(false, 1234, 567_890, 1L << 30)).ready());
            assertEquals(503, response.getStatus());
            JsonNode body = json(response);
            assertEquals("DOWN", body.at("/store/status").asText());
            assertTrue(body.at("/store/reason").asText().startsWith("spooling 1234 inputs: Connection"), body.toString());
            assertEquals(1234, body.at("/store/spooledInputs").asLong());
            assertEquals(567_890, body.at("/store/spooledBytes").asLong());
            assertFalse(body.at("/store/databaseReachable").asBoolean());
        }
        assertEquals(200, HealthResource.answer(HubHealth.live()).getStatus());
    }

    @Test
    void theHubIsReadyAgainOnlyOnceTheSpoolIsWrittenToTheStore() throws Exception {
        DataSource h2 = databases.fresh().findFirst().orElseThrow();
        try (StoreCheck check = new StoreCheck(() -> h2, Duration.ofSeconds(2))) {
            JsonNode draining = json(HealthResource.answer(new HubHealth(() -> List.of(RUNNING), check,
                    () -> new SpoolStats(true, 42, 4_096, 1L << 30)).ready()));
            assertEquals("DOWN", draining.at("/status").asText());
            assertEquals("spooling 42 inputs: the database is back, they are being written to it",
                    draining.at("/store/reason").asText());

            Response drained = HealthResource.answer(new HubHealth(() -> List.of(RUNNING), check,
                    () -> new SpoolStats(true, 0, 0, 1L << 30)).ready());
            assertEquals(200, drained.getStatus());
            assertTrue(json(drained).at("/store/spooledInputs").isMissingNode());
        }
    }

    private static void assertDown(DataSource store, String reason) throws Exception {
        try (StoreCheck check = new StoreCheck(() -> store, Duration.ofSeconds(2))) {
            Response response = HealthResource.answer(new HubHealth(() -> List.of(RUNNING), check).ready());
            assertEquals(503, response.getStatus());
            JsonNode body = json(response);
            assertEquals("DOWN", body.at("/store/status").asText());
            assertTrue(body.at("/store/reason").asText().contains(reason), body.toString());
            assertFalse(body.at("/adapters/status").asText().isEmpty());
        }
    }

    private static JsonNode json(Response response) throws Exception {
        return new ObjectMapper().readTree(response.getEntity().toString());
    }
}
