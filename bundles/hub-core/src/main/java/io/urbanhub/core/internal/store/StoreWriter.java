package io.urbanhub.core.internal.store;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.store.spool.Outages;
import io.urbanhub.core.internal.store.spool.Spool;

/**
 * Writes to the store in batches from a bounded buffer, on threads of its own. A batch is flushed when
 * it is full or when its oldest write has waited the linger time; with no linger, the writes that arrive
 * while a transaction runs form the next one (group commit). A full buffer makes callers wait, up to a
 * limit, instead of growing memory: that is the backpressure on the adapters when the database is slow.
 * With a spool, a batch the database cannot be reached for goes to disk instead, and so do all writes after it
 * until the spool is written to the store again.
 */
public final class StoreWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

    private record Pending(Write write, CompletableFuture<Receipt> receipt, long queuedAtNanos) {
    }

    private final JdbcStore store;
    private final BlockingQueue<Pending> buffer;
    private final int batchSize;
    private final long lingerNanos;
    private final Duration maxWait;
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final BatchTimes batchTimes = new BatchTimes();
    private final int capacity;
    private final Spool spool;
    private volatile boolean open = true;

    /**
     * @param threads transactions written at the same time; more than one lets the database use more cores
     */
    public StoreWriter(JdbcStore store, int capacity, int batchSize, Duration linger, Duration maxWait, int threads) {
        this(store, capacity, batchSize, linger, maxWait, threads, null);
    }

    /** @param spool where batches go while the database is away; {@code null}: they fail */
    public StoreWriter(JdbcStore store, int capacity, int batchSize, Duration linger, Duration maxWait, int threads,
                       Spool spool) {
        if (capacity < 1 || batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("buffer capacity, batch size and threads must be positive");
        }
        this.store = store;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.lingerNanos = linger.toNanos();
        this.maxWait = maxWait;
        this.spool = spool;
        for (int i = 1; i <= threads; i++) {
            Thread writer = new Thread(this::run, "hub-store-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /**
     * Queues a write. Waits while the buffer is full; after the maximum wait the returned stage fails, so
     * that the adapter does not acknowledge its source.
     */
    public CompletableFuture<Receipt> submit(Write write) {
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        if (!open) {
            receipt.completeExceptionally(new IllegalStateException("The store writer is closed"));
            return receipt;
        }
        try {
            if (!buffer.offer(new Pending(write, receipt, System.nanoTime()), maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                receipt.completeExceptionally(new IllegalStateException("The store did not take a write within "
                        + maxWait.toSeconds() + " s: " + buffer.size() + " writes are waiting; is the database slow or down?"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            receipt.completeExceptionally(e);
        }
        return receipt;
    }

    /** Writes waiting in the buffer. */
    public int depth() {
        return buffer.size();
    }

    public int capacity() {
        return capacity;
    }

    /** How long the oldest write in the buffer has waited, in milliseconds; 0 when none waits. */
    public long oldestWaitMillis() {
        Pending oldest = buffer.peek();
        return oldest == null ? 0 : Math.max(0, (System.nanoTime() - oldest.queuedAtNanos()) / 1_000_000);
    }

    /** The times of the most recent store transactions. */
    public BatchTimes.Summary batchTimes() {
        return batchTimes.summary();
    }

    public long batches() {
        return batches.get();
    }

    public long written() {
        return written.get();
    }

    /** Stops taking writes, writes what is buffered, and waits for that up to the given time. */
    public void close(Duration drainTime) {
        open = false;
        long deadline = System.nanoTime() + drainTime.toNanos();
        for (Thread writer : writers) {
            try {
                writer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (writer.isAlive()) {
                writer.interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        buffer.drainTo(left);
        left.forEach(pending -> pending.receipt().completeExceptionally(new IllegalStateException("The store writer closed")));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (open || !buffer.isEmpty()) {
            try {
                Pending first = buffer.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(pending -> pending.receipt().completeExceptionally(e));
                return;
            }
            write(batch);
            batch.clear();
        }
    }

    private void fill(List<Pending> batch) throws InterruptedException {
        buffer.drainTo(batch, batchSize - batch.size());
        long deadline = System.nanoTime() + lingerNanos;
        while (batch.size() < batchSize && lingerNanos > 0) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? buffer.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            buffer.drainTo(batch, batchSize - batch.size());
        }
    }

    private void write(List<Pending> batch) {
        List<Write> writes = new ArrayList<>(batch.size());
        batch.forEach(pending -> writes.add(pending.write()));
        if (spool != null && spool(batch, writes, true)) {
            return; // no write overtakes those spooled before it
        }
        try {
            long started = System.nanoTime();
            List<Receipt> receipts = store.store(writes);
            batchTimes.record(System.nanoTime() - started);
            batches.incrementAndGet();
            written.addAndGet(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).receipt().complete(receipts.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            if (spool != null && Outages.isOutage(e)) {
                spool.databaseReachable(false);
                spool(batch, writes, false);
                return;
            }
            if (batch.size() == 1) {
                batch.get(0).receipt().completeExceptionally(e);
                return;
            }
            // one bad write must not fail the others: write them one by one
            LOG.debug("A batch of {} writes failed, writing them one by one", batch.size(), e);
            for (Pending pending : batch) {
                write(List.of(pending));
            }
        }
    }

    /**
     * Only once the spool has the writes on disk are they acknowledged. False, with nothing done, when they were to
     * queue behind others but the spool holds none.
     */
    private boolean spool(List<Pending> batch, List<Write> writes, boolean behindOthers) {
        Exception failure;
        try {
            Spool.Append append = behindOthers ? spool.appendBehindOthers(writes) : spool.append(writes);
            if (append == Spool.Append.EMPTY) {
                return false;
            }
            if (append == Spool.Append.APPENDED) {
                batch.forEach(pending -> pending.receipt().complete(Receipt.SPOOLED));
                return true;
            }
            failure = new IllegalStateException("The spool is full (" + (spool.maxBytes() >> 20)
                    + " MB); the input is not taken until the database has what the spool holds");
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        for (Pending pending : batch) {
            pending.receipt().completeExceptionally(failure);
        }
        return true;
    }
}
