package io.urbanhub.core.internal.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;

/** Writes time series rows with PostgreSQL's COPY, as CSV built in memory for one batch. */
final class ObservationCopy {

    static final String COLUMNS = "tenant, entity_id, entity_type, attribute, observed_at, value_number, value_text,"
            + " value_boolean, unit_code, source_adapter, source_device, message_id";

    private ObservationCopy() {
    }

    /** Whether the connection reaches the PostgreSQL driver's COPY; the driver's bundle is an optional import. */
    static boolean available(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException | NoClassDefFoundError e) {
            return false;
        }
    }

    static void copy(Connection connection, List<Write> writes) throws SQLException {
        StringBuilder csv = new StringBuilder(writes.size() * 600);
        for (Write write : writes) {
            for (Observation observation : write.observations()) {
                String observedAt = observation.observedAt().toString();
                for (Map.Entry<String, Property> property : observation.properties().entrySet()) {
                    Object value = property.getValue().value();
                    field(csv, observation.tenant()).append(',');
                    field(csv, observation.entity().urn()).append(',');
                    field(csv, observation.entity().type()).append(',');
                    field(csv, property.getKey()).append(',');
                    csv.append(observedAt).append(',');
                    if (value instanceof Number number) {
                        csv.append(number.doubleValue());
                    }
                    csv.append(',');
                    field(csv, value instanceof String text ? text : null).append(',');
                    if (value instanceof Boolean flag) {
                        csv.append(flag);
                    }
                    csv.append(',');
                    field(csv, property.getValue().unitCode()).append(',');
                    field(csv, observation.source().adapter()).append(',');
                    field(csv, observation.source().device()).append(',');
                    field(csv, write.input().source().messageId()).append('\n');
                }
            }
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY hub_observation (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of " + writes.size() + " inputs failed", e);
        }
    }

    /** A CSV field, quoted so that any text survives; null stays an empty, unquoted field, which COPY reads as NULL. */
    private static StringBuilder field(StringBuilder csv, String value) {
        if (value == null) {
            return csv;
        }
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        return csv.append('"');
    }
}
