package io.urbanhub.metrics.internal;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Whether the store answers: a connection from the pool proved valid within the timeout. The check runs on a
 * thread of its own so that a hanging database makes the answer "down", not a hanging health request.
 */
final class StoreCheck implements AutoCloseable {

    private final Supplier<DataSource> dataSource;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-health-store");
        thread.setDaemon(true);
        return thread;
    });

    StoreCheck(Supplier<DataSource> dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** {@code null} when the store is up, otherwise why not. */
    String problem() {
        DataSource store = dataSource.get();
        if (store == null) {
            return "no DataSource named urbanhub";
        }
        Future<String> check = checker.submit(() -> {
            try (Connection connection = store.getConnection()) {
                return connection.isValid((int) Math.max(1, timeout.toSeconds())) ? null : "the connection is not valid";
            }
        });
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
