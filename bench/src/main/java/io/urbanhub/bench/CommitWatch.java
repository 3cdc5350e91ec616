package io.urbanhub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells when each uplink's row is committed: a trigger on the hub's {@code hub_input} notifies a channel, and
 * PostgreSQL delivers a notification only when the transaction that sent it commits. The trigger is the
 * benchmark's own, added to the benchmark's database after the hub made its tables; it costs the hub one
 * {@code pg_notify} per row.
 */
final class CommitWatch implements AutoCloseable {

    private static final String CHANNEL = "urbanhub_bench_commit";

    private final Connection connection;
    private final Thread listener;
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final AtomicLong committed = new AtomicLong();
    private volatile boolean running = true;

    CommitWatch(String jdbcUrl, String user, String password) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE FUNCTION urbanhub_bench_notify() RETURNS trigger AS $$ BEGIN"
                    + " PERFORM pg_notify('" + CHANNEL + "', NEW.device_id || ' ' || NEW.message_id); RETURN NULL; END;"
                    + " $$ LANGUAGE plpgsql");
            statement.execute("DROP TRIGGER IF EXISTS urbanhub_bench_commit ON hub_input");
            statement.execute("CREATE TRIGGER urbanhub_bench_commit AFTER INSERT ON hub_input"
                    + " FOR EACH ROW EXECUTE FUNCTION urbanhub_bench_notify()");
            statement.execute("LISTEN " + CHANNEL);
        }
        listener = new Thread(this::listen, "bench-commit-watch");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        PGConnection notifications;
        try {
            notifications = connection.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] arrived = notifications.getNotifications(200);
                long now = System.nanoTime();
                if (arrived != null) {
                    for (PGNotification notification : arrived) {
                        committedAt.put(notification.getParameter(), now);
                    }
                    committed.addAndGet(arrived.length);
                }
            }
        } catch (SQLException e) {
            if (running) {
                throw new IllegalStateException("The commit watch lost its connection", e);
            }
        }
    }

    /** How many rows were committed since the watch began. */
    long committed() {
        return committed.get();
    }

    /** When the uplink of that device and frame counter was committed, as {@link System#nanoTime()}; null if not yet. */
    Long committedAt(String devEui, long frameCounter) {
        return committedAt.get(devEui + " fcnt:" + frameCounter);
    }

    void forget() {
        committedAt.clear();
    }

    @Override
    public void close() throws Exception {
        running = false;
        listener.join(2000);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS urbanhub_bench_commit ON hub_input");
        }
        connection.close();
    }
}
