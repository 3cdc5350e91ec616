package io.urbanhub.core.internal.store.spool;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.Write;

/**
 * Writes what the spool holds to the store, oldest first, on a thread of its own: it tries every retry period while
 * the database is away and deletes each segment once all of it is written. A segment cut short by a stop is written
 * again from its start on the next run; the store's de-duplication by message id makes that harmless.
 */
public final class SpoolDrain implements AutoCloseable {

    /** Told of each spooled write's outcome once it reached the store, on the drain's thread. */
    public interface Listener {
        void drained(Write write, Receipt receipt);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDrain.class);
    private static final long IDLE_MILLIS = 200;

    private final Spool spool;
    private final JdbcStore store;
    private final int batchSize;
    private final long retryMillis;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean open = true;
    /** Only the drain's thread reads and writes it. */
    private boolean waitForDatabase = true;

    public SpoolDrain(Spool spool, JdbcStore store, int batchSize, Duration retry, Listener listener) {
        this.spool = spool;
        this.store = store;
        this.batchSize = batchSize;
        this.retryMillis = Math.max(1, retry.toMillis());
        this.listener = listener;
        this.thread = new Thread(this::run, "hub-store-spool-drain");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (open) {
            try {
                Segment oldest = spool.oldest();
                if (oldest == null) {
                    Thread.sleep(IDLE_MILLIS);
                } else if (spool.isNewest(oldest) && oldest.records() <= batchSize) {
                    handOver(oldest);
                } else if (drain(oldest)) {
                    spool.finished(oldest);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the disk, not the database: keep the segment and try again
                LOG.error("Reading the spool failed; trying again in {} ms", retryMillis, e);
                pause();
            }
        }
    }

    /**
     * Writes the newest segment with appends held, so that the spool is empty after it and writes go to the database
     * straight again without overtaking any; without that, a steady stream of writes would keep the spool from ever
     * running empty. Held only for one small batch, and not while the database is away.
     */
    private void handOver(Segment newest) throws IOException, InterruptedException {
        boolean away = false;
        synchronized (spool) { // the spool's own lock: appends wait for it
            waitForDatabase = false;
            try {
                if (spool.isNewest(newest) && drain(newest)) {
                    spool.finished(newest);
                }
            } catch (HandOverGivenUp e) {
                away = true;
            } finally {
                waitForDatabase = true;
            }
        }
        if (away) {
            Thread.sleep(retryMillis);
        }
    }

    /** Writes the whole segment; false when stopped before its end. */
    private boolean drain(Segment segment) throws IOException, InterruptedException {
        try (SegmentReader reader = segment.reader()) {
            List<Write> batch = new ArrayList<>(batchSize);
            long read = 0;
            long stored = spool.drainedOfOldest(); // by an earlier run, stopped in the middle of the segment
            for (byte[] record = reader.next(); record != null; record = reader.next()) {
                if (++read <= stored) {
                    continue;
                }
                SpoolCodec.Spooled spooled = SpoolCodec.decode(record);
                if (spooled.deadLetter() != null) {
                    if (!flush(batch) || !writeDeadLetter(spooled.write(), spooled.deadLetter())) {
                        return false;
                    }
                    spool.drained(read);
                } else {
                    batch.add(spooled.write());
                    if (batch.size() == batchSize) {
                        if (!flush(batch)) {
                            return false;
                        }
                        spool.drained(read);
                    }
                }
            }
            return flush(batch) && open;
        }
    }

    /** Writes the batch and empties it; false when stopped first. */
    private boolean flush(List<Write> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return true;
        }
        if (!write(batch)) {
            return false;
        }
        batch.clear();
        return true;
    }

    private boolean write(List<Write> batch) throws InterruptedException {
        while (open) {
            try {
                List<Receipt> receipts = store.store(batch);
                spool.databaseReachable(true);
                for (int i = 0; i < batch.size(); i++) {
                    listener.drained(batch.get(i), receipts.get(i));
                }
                return true;
            } catch (SQLException | RuntimeException e) {
                if (!awaitDatabase(e)) {
                    for (Write write : batch) {
                        if (!writeAlone(write)) {
                            return false;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** A write the database refuses although it answers is kept as a dead letter: it was acknowledged already. */
    private boolean writeAlone(Write write) throws InterruptedException {
        while (open) {
            try {
                listener.drained(write, store.store(List.of(write)).get(0));
                return true;
            } catch (SQLException | RuntimeException e) {
                if (!awaitDatabase(e)) {
                    return writeDeadLetter(write, "The store refused a spooled input: " + e.getMessage());
                }
            }
        }
        return false;
    }

    private boolean writeDeadLetter(Write write, String reason) throws InterruptedException {
        while (open) {
            try {
                store.deadLetter(write.input(), reason, DataLayer.MAX_PAYLOAD_BYTES);
                listener.drained(write, Receipt.DEAD_LETTER);
                return true;
            } catch (SQLException | RuntimeException e) {
                if (!awaitDatabase(e)) {
                    // kept in the spool, and so visible in the readiness, rather than lost
                    LOG.error("A spooled dead letter of {} could not be kept; trying again",
                            write.input().source().adapter(), e);
                    if (!waitForDatabase) {
                        throw new HandOverGivenUp();
                    }
                    pause();
                }
            }
        }
        return false;
    }

    /**
     * True, after waiting the retry period, when the failure is the database being away; while appends are held it
     * does not wait but gives up the hand-over.
     */
    private boolean awaitDatabase(Exception failure) throws InterruptedException {
        if (!Outages.isOutage(failure)) {
            return false;
        }
        spool.databaseReachable(false);
        if (!waitForDatabase) {
            throw new HandOverGivenUp();
        }
        Thread.sleep(retryMillis);
        return true;
    }

    private static final class HandOverGivenUp extends RuntimeException {
        HandOverGivenUp() {
            super(null, null, false, false);
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }
}
