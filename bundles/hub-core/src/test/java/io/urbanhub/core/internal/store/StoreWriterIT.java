package io.urbanhub.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;

/** Batched writes through the bounded buffer, on H2 and on a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreWriterIT {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private BothDatabases databases;

    @BeforeAll
    void startPostgres() {
        databases = new BothDatabases();
    }

    @AfterAll
    void stopPostgres() {
        databases.close();
    }

    Stream<DataSource> databases() {
        return databases.fresh();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentAdaptersAreWrittenInBatchesAndEachMessageOnce(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        int adapters = 4;
        int perAdapter = 150; // the test opens a new connection per transaction: no pool here
        try (StoreWriter writer = new StoreWriter(store, 100, 50, Duration.ZERO, Duration.ofSeconds(30), store.writerThreads(2))) {
            ExecutorService pool = Executors.newFixedThreadPool(adapters);
            List<Future<List<Receipt>>> results = new ArrayList<>();
            for (int a = 0; a < adapters; a++) {
                int adapter = a;
                // every adapter sees the same devices' frames: gateways of one network deliver copies
                results.add(pool.submit(() -> {
                    List<Receipt> receipts = new ArrayList<>();
                    for (int i = 0; i < perAdapter; i++) {
                        int frame = adapter % 2 == 0 ? i : perAdapter + i;
                        receipts.add(writer.submit(write(tenant, "device-" + (frame % 20), frame, 4.0 + adapter)).get());
                    }
                    return receipts;
                }));
            }
            List<Receipt> all = new ArrayList<>();
            for (Future<List<Receipt>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            pool.shutdown();

            assertEquals(2 * perAdapter, all.stream().filter(r -> r == Receipt.STORED).count());
            assertEquals(2 * perAdapter, all.stream().filter(r -> r == Receipt.DUPLICATE).count());
            assertEquals(2 * perAdapter, count(database, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"));
            assertEquals(20, count(database, "SELECT COUNT(*) FROM hub_entity WHERE tenant = '" + tenant + "'"));
            assertEquals(20, count(database, "SELECT COUNT(*) FROM hub_entity_attribute WHERE tenant = '" + tenant + "'"));
            assertTrue(writer.batches() < writer.written(), writer.batches() + " transactions for " + writer.written()
                    + " writes: concurrent writes share transactions");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLingeringWriterBatchesOneAdapterThatDoesNotWait(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        try (StoreWriter writer = new StoreWriter(store, 1000, 100, Duration.ofMillis(50), Duration.ofSeconds(30), store.writerThreads(2))) {
            List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                receipts.add(writer.submit(write(tenant, "device-" + (i % 7), i, 5.0)));
            }
            for (CompletableFuture<Receipt> receipt : receipts) {
                assertEquals(Receipt.STORED, receipt.get(1, TimeUnit.MINUTES));
            }
            assertTrue(writer.batches() <= 10, writer.batches() + " transactions for 300 writes");
        }
        assertEquals(300, count(database, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aWriteTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        try (StoreWriter writer = new StoreWriter(store, 100, 100, Duration.ofMillis(200), Duration.ofSeconds(30), store.writerThreads(2))) {
            CompletableFuture<Receipt> before = writer.submit(write(tenant, "device-1", 1, 5.0));
            // an attribute name longer than the column: the database refuses it
            Observation tooLong = new Observation(new EntityId("IndoorEnvironmentObserved", tenant, "device-2"), NOW,
                    Map.of("t".repeat(300), Property.of(1.0, UnitCodes.DEGREE_CELSIUS)), null, source("device-2"));
            CompletableFuture<Receipt> refused = writer.submit(new Write(input(tenant, "device-2", 2), List.of(tooLong)));
            CompletableFuture<Receipt> after = writer.submit(write(tenant, "device-3", 3, 5.0));

            assertEquals(Receipt.STORED, before.get(1, TimeUnit.MINUTES));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.MINUTES));
            assertTrue(failure.getCause() instanceof SQLException, failure.getCause().toString());
            assertEquals(Receipt.STORED, after.get(1, TimeUnit.MINUTES));
        }
        assertEquals(2, count(database, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFullBufferMakesAdaptersWaitThenFailsRatherThanGrowing(DataSource database) throws Exception {
        JdbcStore.open(database, WINDOW);
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch databaseBack = new CountDownLatch(1);
        StalledDataSource stalled = new StalledDataSource(database, databaseBack);
        JdbcStore slow = JdbcStore.open(stalled, WINDOW);
        stalled.stall();
        try (StoreWriter writer = new StoreWriter(slow, 3, 10, Duration.ZERO, Duration.ofMillis(300), 1)) {
            List<CompletableFuture<Receipt>> taken = new ArrayList<>();
            taken.add(writer.submit(write(tenant, "device-0", 0, 1.0)));
            awaitDepth(writer, 0); // the writer holds the first one, waiting for the database
            for (int i = 1; i <= 3; i++) {
                taken.add(writer.submit(write(tenant, "device-" + i, i, 1.0)));
            }
            long started = System.nanoTime();
            CompletableFuture<Receipt> overflow = writer.submit(write(tenant, "device-4", 4, 1.0));
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;

            assertTrue(waitedMillis >= 250, "the adapter waited for room: " + waitedMillis + " ms");
            ExecutionException failure = assertThrows(ExecutionException.class, overflow::get);
            assertTrue(failure.getCause().getMessage().contains("did not take a write"), failure.getCause().getMessage());
            assertEquals(3, writer.depth());

            databaseBack.countDown();
            for (CompletableFuture<Receipt> receipt : taken) {
                assertEquals(Receipt.STORED, receipt.get(1, TimeUnit.MINUTES));
            }
        }
        assertEquals(4, count(database, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theCurrentValuesAreThoseOfTheNewestStateOnly(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        EntityId room = new EntityId("IndoorEnvironmentObserved", tenant, "room");
        Observation both = new Observation(room, NOW, Map.of("temperature", Property.of(4.0, UnitCodes.DEGREE_CELSIUS),
                "doorOpen", Property.of(true)), null, source("room"));
        Observation newer = new Observation(room, NOW.plusSeconds(60), Map.of("temperature", Property.of(5.0,
                UnitCodes.DEGREE_CELSIUS)), null, source("room"));
        Observation late = new Observation(room, NOW.plusSeconds(30), Map.of("temperature", Property.of(9.0,
                UnitCodes.DEGREE_CELSIUS), "doorOpen", Property.of(false)), null, source("room"));

        store.store(List.of(new Write(input(tenant, "room", 1), List.of(both))));
        store.store(List.of(new Write(input(tenant, "room", 2), List.of(newer)), new Write(input(tenant, "room", 3), List.of(late))));

        assertEquals(1, count(database, "SELECT COUNT(*) FROM hub_entity_attribute WHERE tenant = '" + tenant + "'"),
                "doorOpen is not part of the newest state");
        assertEquals(5, count(database, "SELECT CAST(value_number AS INTEGER) FROM hub_entity_attribute WHERE tenant = '"
                + tenant + "' AND attribute = 'temperature'"));
        assertEquals(5, count(database, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anyTextAndBooleanSurviveTheBulkWrite(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        String awkward = "Pumpe \"Nord\", Schacht 3;\nStörung: 100 % \\ ok";
        Observation report = new Observation(new EntityId("Device", tenant, "pump-1"), NOW, Map.of(
                "status", Property.of(awkward), "alarm", Property.of(true), "level", Property.of(1.5, UnitCodes.METRE)),
                null, source("pump-1"));

        assertEquals(Receipt.STORED, store.store(List.of(new Write(input(tenant, "pump-1", 1), List.of(report)))).get(0));

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT attribute, value_text, value_boolean, value_number, unit_code"
                     + " FROM hub_observation WHERE tenant = '" + tenant + "' ORDER BY attribute")) {
            rows.next();
            assertEquals("alarm", rows.getString(1));
            assertTrue(rows.getBoolean(3));
            assertEquals(null, rows.getString(5));
            rows.next();
            assertEquals(1.5, rows.getDouble(4));
            assertEquals(UnitCodes.METRE, rows.getString(5));
            rows.next();
            assertEquals(awkward, rows.getString(2));
        }
    }

    private static void awaitDepth(StoreWriter writer, int depth) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.depth() != depth && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(depth, writer.depth());
    }

    private static Write write(String tenant, String device, int frame, double celsius) {
        Observation reading = new Observation(new EntityId("IndoorEnvironmentObserved", tenant, device),
                NOW.plusSeconds(frame), Map.of("temperature", Property.of(celsius, UnitCodes.DEGREE_CELSIUS)), null,
                source(device));
        return new Write(input(tenant, device, frame), List.of(reading));
    }

    private static Input input(String tenant, String device, int frame) {
        return new Input(tenant, new Source("lorawan-chirpstack." + tenant, "chirpstack", device, "fcnt:" + frame),
                NOW.plusSeconds(frame), new byte[] {1});
    }

    private static Source source(String device) {
        return new Source("lorawan-chirpstack.test", "chirpstack", device, null);
    }

    private static long count(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** A real database whose connections are handed out only once it is "back": a database that hangs. */
    private static final class StalledDataSource implements DataSource {
        private final DataSource database;
        private final CountDownLatch back;
        private volatile boolean stalled;

        StalledDataSource(DataSource database, CountDownLatch back) {
            this.database = database;
            this.back = back;
        }

        void stall() {
            stalled = true;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (stalled) {
                try {
                    back.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException(e);
                }
            }
            return database.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return database.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            database.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            database.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return database.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return database.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return database.isWrapperFor(type);
        }
    }
}
