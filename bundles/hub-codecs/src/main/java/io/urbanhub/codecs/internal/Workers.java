package io.urbanhub.codecs.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.urbanhub.api.spi.DecodingException;

/**
 * Runs codec calls on worker threads, so that the caller has its answer by a deadline even when a call
 * is stuck in a built-in that Rhino cannot stop. A call abandoned at its deadline runs on; until it
 * ends, its codec's further calls are refused at once, so a stuck codec holds one thread, not all.
 */
final class Workers implements AutoCloseable {

    /** What runs on a worker. */
    interface Work<T> {
        T run() throws DecodingException;
    }

    private static final int RUNNING = 0;
    private static final int ENDED = 1;
    private static final int ABANDONED = 2;

    private final int maxAtOnce;
    private final ThreadPoolExecutor threads;

    Workers(int maxAtOnce) {
        this.maxAtOnce = maxAtOnce;
        AtomicInteger count = new AtomicInteger();
        threads = new ThreadPoolExecutor(0, maxAtOnce, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "hub-codec-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param overrunning the codec's count of abandoned calls still running
     * @param lateReason  the reason given to a caller whose call missed the deadline
     */
    <T> T run(Work<T> work, Duration deadline, AtomicInteger overrunning, String lateReason) throws DecodingException {
        if (overrunning.get() > 0) {
            throw new DecodingException("an earlier call of the codec is still running past its time limit");
        }
        AtomicInteger state = new AtomicInteger(RUNNING);
        Future<T> call;
        try {
            call = threads.submit(() -> {
                try {
                    return work.run();
                } finally {
                    if (!state.compareAndSet(RUNNING, ENDED)) {
                        overrunning.decrementAndGet();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            throw new DecodingException("more than " + maxAtOnce + " codec calls at once");
        }
        try {
            return call.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (abandon(state, overrunning)) {
                throw new DecodingException(lateReason);
            }
            return finished(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(state, overrunning);
            throw new DecodingException("interrupted while the codec ran");
        } catch (ExecutionException e) {
            throw reason(e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Counts the call as overrunning unless it ended meanwhile; the worker uncounts it when it ends. */
    private static boolean abandon(AtomicInteger state, AtomicInteger overrunning) {
        overrunning.incrementAndGet();
        if (state.compareAndSet(RUNNING, ABANDONED)) {
            return true;
        }
        overrunning.decrementAndGet();
        return false;
    }

    private static <T> T finished(Future<T> call) throws DecodingException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw reason(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecodingException("interrupted while the codec ran");
        }
    }

    private static DecodingException reason(ExecutionException e) {
        return e.getCause() instanceof DecodingException reason ? reason : new DecodingException("the codec failed: " + e.getCause());
    }
}
