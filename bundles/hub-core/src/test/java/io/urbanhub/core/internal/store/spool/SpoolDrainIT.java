package io.urbanhub.core.internal.store.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.Write;

/** The drain writing a spool to a real store: where it goes on after a stop, and what the store refuses. */
class SpoolDrainIT {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aDrainStoppedInTheMiddleOfASegmentGoesOnAfterWhatItStored() throws Exception {
        DataSource database = h2();
        JdbcStore store = JdbcStore.open(database, Duration.ofHours(24));
        try (Spool spool = Spool.open(folder, 1 << 20)) {
            for (int i = 1; i <= 5; i++) {
                spool.append(List.of(withoutMessageId(i)));
            }
            spool.oldest();
            spool.drained(3); // the first three were stored when the hub stopped
        }
        // inputs without a message id cannot be recognised again: written twice, they would be stored twice
        store.store(List.of(withoutMessageId(1), withoutMessageId(2), withoutMessageId(3)));

        Map<String, Receipt> drained = new ConcurrentHashMap<>();
        try (Spool reopened = Spool.open(folder, 1 << 20)) {
            assertEquals(2, reopened.stats().spooledInputs());
            try (SpoolDrain drain = new SpoolDrain(reopened, store, 500, Duration.ofMillis(100),
                    (write, receipt) -> drained.put(write.input().source().device(), receipt))) {
                awaitEmpty(reopened);
            }
        }
        assertEquals(Map.of("meter-4", Receipt.STORED, "meter-5", Receipt.STORED), drained);
        assertEquals(5, count(database, "SELECT COUNT(*) FROM hub_observation"));
    }

    @Test
    void aSpooledInputTheStoreRefusesBecomesADeadLetterAndTheOthersAreStored() throws Exception {
        DataSource database = h2();
        JdbcStore store = JdbcStore.open(database, Duration.ofHours(24));
        // an attribute name longer than the column: the database answers, and refuses it
        Observation tooLong = new Observation(new EntityId("WaterMeter", "musterstadt", "meter-2"), NOW,
                Map.of("v".repeat(300), Property.of(1.0, UnitCodes.CUBIC_METRE)), null, source("meter-2", null));
        Map<String, Receipt> drained = new ConcurrentHashMap<>();
        try (Spool spool = Spool.open(folder, 1 << 20)) {
            spool.append(List.of(withoutMessageId(1), new Write(input("meter-2", null), List.of(tooLong)),
                    withoutMessageId(3)));
            try (SpoolDrain drain = new SpoolDrain(spool, store, 500, Duration.ofMillis(100),
                    (write, receipt) -> drained.put(write.input().source().device(), receipt))) {
                awaitEmpty(spool);
            }
        }
        assertEquals(Map.of("meter-1", Receipt.STORED, "meter-2", Receipt.DEAD_LETTER, "meter-3", Receipt.STORED), drained);
        assertEquals(2, count(database, "SELECT COUNT(*) FROM hub_observation"));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM hub_dead_letter WHERE device_id = 'meter-2'"
                + " AND reason LIKE 'The store refused a spooled input%'"));
    }

    private static void awaitEmpty(Spool spool) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!spool.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(spool.isEmpty(), "the spool was written to the store: " + spool.stats());
    }

    private static Write withoutMessageId(int meter) {
        String device = "meter-" + meter;
        Observation reading = new Observation(new EntityId("WaterMeter", "musterstadt", device), NOW.plusSeconds(meter),
                Map.of("volume", Property.of(10.0 * meter, UnitCodes.CUBIC_METRE)), null, source(device, null));
        return new Write(input(device, null), List.of(reading));
    }

    private static Input input(String device, String messageId) {
        return new Input("musterstadt", source(device, messageId), NOW, new byte[] {1});
    }

    private static Source source(String device, String messageId) {
        return new Source("utility-meter-readings.musterstadt", "mscons", device, messageId);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static long count(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
