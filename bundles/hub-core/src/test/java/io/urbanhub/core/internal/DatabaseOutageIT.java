package io.urbanhub.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.api.admin.SpoolStats;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.testing.TestPostgres;

/**
 * The network between the hub and a real PostgreSQL cut for a minute while inputs keep arriving: they are kept in
 * the on-disk spool and acknowledged, and once the database is back every acknowledged input is in the store once.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration BEFORE = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(10);
    private static final int INPUTS = 12_000;
    /** Every so many inputs one is a redelivery of the one before, and one is invalid: a dead letter. */
    private static final int REDELIVERY_EVERY = 97;
    private static final int INVALID_EVERY = 1_000;
    private static final Instant BASE = Instant.now().minus(Duration.ofDays(1));

    @TempDir
    Path spoolFolder;

    @Test
    void aMinuteWithoutTheDatabaseIsSpooledToDiskAndEveryAcknowledgedInputIsStoredOnce() throws Exception {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        try (TestPostgres postgres = TestPostgres.start(); CuttableProxy proxy = CuttableProxy.inFrontOf(postgres);
             ActivatedDataLayer activated = new ActivatedDataLayer(proxy.dataSource(postgres),
                     Map.of("store_spool_folder", spoolFolder.toString()))) {
            HubDataLayer dataLayer = activated.get();
            List<Sample> samples = new ArrayList<>();
            Thread sampler = sampler(dataLayer, samples);
            List<CompletableFuture<Receipt>> receipts = new ArrayList<>(INPUTS);
            Set<Integer> invalid = new HashSet<>();

            long started = System.nanoTime();
            long cutAt = BEFORE.toNanos();
            long restoreAt = cutAt + OUTAGE.toNanos();
            long sendFor = restoreAt + AFTER.toNanos();
            int failedWhileRoom = 0;
            for (int i = 0; i < INPUTS; i++) {
                long due = started + sendFor * i / INPUTS;
                long now = System.nanoTime();
                if (due > now) {
                    TimeUnit.NANOSECONDS.sleep(due - now);
                }
                long elapsed = System.nanoTime() - started;
                if (elapsed >= cutAt && elapsed < restoreAt) {
                    proxy.cut();
                } else if (elapsed >= restoreAt) {
                    proxy.restore();
                }
                int frame = i % REDELIVERY_EVERY == REDELIVERY_EVERY - 1 ? i - 1 : i;
                boolean bad = i % INVALID_EVERY == INVALID_EVERY - 1;
                if (bad) {
                    invalid.add(frame);
                }
                try {
                    receipts.add(dataLayer.submit(input(tenant, frame), bad ? List.of() : List.of(reading(tenant, frame)))
                            .toCompletableFuture());
                } catch (RuntimeException e) {
                    receipts.add(CompletableFuture.failedFuture(e));
                }
            }
            proxy.restore();
            long restored = System.nanoTime();

            Map<Receipt, Integer> counts = new EnumMap<>(Receipt.class);
            for (CompletableFuture<Receipt> receipt : receipts) {
                try {
                    counts.merge(receipt.get(2, TimeUnit.MINUTES), 1, Integer::sum);
                } catch (java.util.concurrent.ExecutionException e) {
                    failedWhileRoom++;
                }
            }
            long recoveryNanos = awaitDrained(dataLayer, Duration.ofMinutes(2)) - Math.min(restored, started + restoreAt);
            sampler.interrupt();
            sampler.join();

            int sent = distinctFrames();
            long rows = count(postgres, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'");
            long stored = count(postgres, "SELECT COUNT(DISTINCT message_id) FROM hub_observation WHERE tenant = '" + tenant + "'");
            long inputs = count(postgres, "SELECT COUNT(*) FROM hub_input WHERE tenant = '" + tenant + "'");
            long deadLetters = count(postgres, "SELECT COUNT(*) FROM hub_dead_letter WHERE tenant = '" + tenant + "'");
            System.out.printf("| database outage %d s | %d | %d | %d | %d | %.1f |%n", OUTAGE.toSeconds(), sent, stored,
                    rows - stored, deadLetters, recoveryNanos / 1e9);
            System.out.println("receipts: " + counts);

            assertEquals(0, failedWhileRoom, "inputs failed although the spool had room");
            assertTrue(counts.getOrDefault(Receipt.SPOOLED, 0) > 1_000, "inputs were spooled during the outage: " + counts);
            assertEquals(0, rows - stored, "an input stored twice");
            assertEquals(stored, inputs, "every stored input claimed its message id");
            assertEquals(invalid.size(), deadLetters, "every invalid input a dead letter, also those of the outage");
            assertEquals(sent, stored + deadLetters, "stored + dead letters = sent");
            assertTrue(samples.stream().anyMatch(sample -> sample.at() > cutAt && sample.at() < restoreAt
                            && !sample.spool().databaseReachable() && sample.spool().spooledInputs() > 0),
                    "the readiness saw the outage and the spooled inputs");
            assertFalse(dataLayer.spool().spooling(), "the readiness recovered: " + dataLayer.spool());
            try (Stream<Path> left = Files.list(spoolFolder)) {
                assertEquals(List.of("spool.lock"), left.map(file -> file.getFileName().toString()).toList(),
                        "the finished segments are deleted");
            }
        }
    }

    @Test
    void aSpoolLeftByAStoppedDataLayerIsWrittenToTheStoreByTheNextOne() throws Exception {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        int spooled = 1_000;
        try (TestPostgres postgres = TestPostgres.start(); CuttableProxy proxy = CuttableProxy.inFrontOf(postgres)) {
            DataSource database = proxy.dataSource(postgres);
            Map<String, Object> settings = Map.of("store_spool_folder", spoolFolder.toString());
            try (ActivatedDataLayer first = new ActivatedDataLayer(database, settings)) {
                proxy.cut();
                List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
                for (int frame = 0; frame < spooled; frame++) {
                    receipts.add(first.get().submit(input(tenant, frame), List.of(reading(tenant, frame))).toCompletableFuture());
                }
                for (CompletableFuture<Receipt> receipt : receipts) {
                    assertEquals(Receipt.SPOOLED, receipt.get(1, TimeUnit.MINUTES));
                }
            }
            proxy.restore();
            assertEquals(0, count(postgres, "SELECT COUNT(*) FROM hub_input WHERE tenant = '" + tenant + "'"));

            try (ActivatedDataLayer next = new ActivatedDataLayer(database, settings)) {
                assertEquals(spooled, next.get().spool().spooledInputs(), "the next one took up the spool");
                awaitDrained(next.get(), Duration.ofMinutes(1));
            }
            assertEquals(spooled, count(postgres, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"));
            assertEquals(spooled, count(postgres, "SELECT COUNT(DISTINCT message_id) FROM hub_observation WHERE tenant = '"
                    + tenant + "'"));
        }
    }

    @Test
    void aSteadyStreamOfInputsDoesNotKeepTheSpoolFromRunningEmpty() throws Exception {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        try (TestPostgres postgres = TestPostgres.start(); CuttableProxy proxy = CuttableProxy.inFrontOf(postgres);
             ActivatedDataLayer activated = new ActivatedDataLayer(proxy.dataSource(postgres),
                     Map.of("store_spool_folder", spoolFolder.toString(), "store_spool_retrySeconds", 1))) {
            HubDataLayer dataLayer = activated.get();
            List<CompletableFuture<Receipt>> afterDrain = new ArrayList<>();
            boolean drained = false;
            long started = System.nanoTime();
            // 200 inputs a second for 15 s, the database away from the 1st to the 4th second
            for (int frame = 0; frame < 3_000; frame++) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, started + frame * 5_000_000L - System.nanoTime()));
                if (frame == 200) {
                    proxy.cut();
                } else if (frame == 800) {
                    proxy.restore();
                }
                drained |= frame > 800 && !dataLayer.spool().spooling();
                CompletableFuture<Receipt> receipt = dataLayer.submit(input(tenant, frame), List.of(reading(tenant, frame)))
                        .toCompletableFuture();
                if (drained) {
                    afterDrain.add(receipt);
                }
            }
            assertTrue(drained, "the spool ran empty while inputs kept coming: " + dataLayer.spool());
            for (CompletableFuture<Receipt> receipt : afterDrain) {
                assertEquals(Receipt.STORED, receipt.get(1, TimeUnit.MINUTES), "written to the database straight again");
            }
            awaitDrained(dataLayer, Duration.ofMinutes(1));
            assertEquals(3_000, count(postgres, "SELECT COUNT(DISTINCT message_id) FROM hub_observation WHERE tenant = '"
                    + tenant + "'"));
        }
    }

    @Test
    void aFullSpoolFailsTheInputsItCannotTakeAndKeepsThoseItTook() throws Exception {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        int sent = 4_000; // some 2 MB of records: twice what the spool may hold
        try (TestPostgres postgres = TestPostgres.start(); CuttableProxy proxy = CuttableProxy.inFrontOf(postgres);
             ActivatedDataLayer activated = new ActivatedDataLayer(proxy.dataSource(postgres),
                     Map.of("store_spool_folder", spoolFolder.toString(), "store_spool_maxMegabytes", 1L))) {
            HubDataLayer dataLayer = activated.get();
            proxy.cut();
            List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
            for (int frame = 0; frame < sent; frame++) {
                receipts.add(dataLayer.submit(input(tenant, frame), List.of(reading(tenant, frame))).toCompletableFuture());
            }
            Set<String> acknowledged = new HashSet<>();
            int failed = 0;
            for (int frame = 0; frame < sent; frame++) {
                try {
                    assertEquals(Receipt.SPOOLED, receipts.get(frame).get(1, TimeUnit.MINUTES));
                    acknowledged.add("fcnt:" + frame);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause().getMessage().contains("spool is full"), e.getCause().getMessage());
                    failed++;
                }
            }
            assertTrue(failed > 0 && !acknowledged.isEmpty(), failed + " failed, " + acknowledged.size() + " spooled");
            assertTrue(dataLayer.spool().spooledBytes() <= 1L << 20, "bounded: " + dataLayer.spool());

            proxy.restore();
            awaitDrained(dataLayer, Duration.ofMinutes(1));
            Set<String> stored = new HashSet<>();
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT message_id FROM hub_input WHERE tenant = '" + tenant + "'")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            assertEquals(acknowledged, stored, "the store holds exactly the inputs acknowledged");
        }
    }

    private record Sample(long at, SpoolStats spool) {
    }

    private static Thread sampler(HubDataLayer dataLayer, List<Sample> samples) {
        long started = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime() - started, dataLayer.spool()));
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "readiness-sampler");
        sampler.start();
        return sampler;
    }

    /** Waits until the spool is written to the store; returns when that was. */
    private static long awaitDrained(HubDataLayer dataLayer, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (dataLayer.spool().spooling() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(dataLayer.spool().spooling(), "the spool was written to the store: " + dataLayer.spool());
        return System.nanoTime();
    }

    /** The inputs sent, each redelivery counted once. */
    private static int distinctFrames() {
        Set<Integer> frames = new HashSet<>();
        for (int i = 0; i < INPUTS; i++) {
            frames.add(i % REDELIVERY_EVERY == REDELIVERY_EVERY - 1 ? i - 1 : i);
        }
        return frames.size();
    }

    private static Input input(String tenant, int frame) {
        return new Input(tenant, new Source("lorawan-chirpstack." + tenant, "chirpstack", device(frame), "fcnt:" + frame),
                BASE.plusMillis(frame), new byte[] {(byte) frame});
    }

    private static Observation reading(String tenant, int frame) {
        return new Observation(new EntityId("IndoorEnvironmentObserved", tenant, device(frame)), BASE.plusMillis(frame),
                Map.of("temperature", Property.of(15 + frame % 10, UnitCodes.DEGREE_CELSIUS)), null,
                new Source("lorawan-chirpstack." + tenant, "chirpstack", device(frame), "fcnt:" + frame));
    }

    private static String device(int frame) {
        return "device-" + frame % 50;
    }

    private static long count(TestPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
