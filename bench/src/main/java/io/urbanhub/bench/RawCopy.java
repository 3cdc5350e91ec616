package io.urbanhub.bench;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * The machine's limit for writing observation rows: JDBC COPY into a table shaped and indexed like the
 * hub's time series, without de-duplication or entity state. The hub's ingest is measured against it.
 */
final class RawCopy {

    private RawCopy() {
    }

    /** Rows per second for copying {@code rows} rows in one COPY. */
    static double rowsPerSecond(DataSource dataSource, int rows) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_copy");
            // the same columns, key and indexes as the hub's time series
            statement.execute("CREATE TABLE bench_copy (LIKE hub_observation INCLUDING ALL)");
            long started = System.nanoTime();
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench_copy (tenant, entity_id, entity_type, attribute, observed_at, value_number, unit_code,"
                            + " source_adapter, source_device, message_id) FROM STDIN WITH (FORMAT csv)", new Rows(rows));
            double seconds = (System.nanoTime() - started) / 1e9;
            statement.execute("DROP TABLE bench_copy");
            return copied / seconds;
        }
    }

    /** The CSV of LHT65-like readings, made as COPY reads it rather than held in memory. */
    private static final class Rows extends Reader {
        private static final String[] ATTRIBUTES = {"temperature", "relativeHumidity", "externalTemperature", "batteryVoltage", "batteryStatus"};
        private final int total;
        private int written;
        private String line = "";
        private int position;

        Rows(int total) {
            this.total = total;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == line.length()) {
                if (written == total) {
                    return -1;
                }
                int input = written / ATTRIBUTES.length;
                line = "copy,urn:ngsi-ld:IndoorEnvironmentObserved:copy:d" + (input % 1000) + ",IndoorEnvironmentObserved,"
                        + ATTRIBUTES[written % ATTRIBUTES.length] + ",2026-11-27T10:00:00Z," + (written % 400) / 10.0
                        + ",CEL,lorawan-chirpstack.copy,d" + (input % 1000) + ",fcnt:" + input + "\n";
                position = 0;
                written++;
            }
            int n = Math.min(length, line.length() - position);
            line.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
