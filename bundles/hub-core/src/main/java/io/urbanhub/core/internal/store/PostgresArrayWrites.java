package io.urbanhub.core.internal.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.Input;
import io.urbanhub.core.internal.NgsiLdJson;

/**
 * The writes on PostgreSQL: each step of a batch is one set-based statement over arrays
 * ({@code unnest}), so a batch of 500 inputs costs five round trips instead of thousands of statements.
 */
final class PostgresArrayWrites implements BatchWrites {

    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };
    private static final Comparator<Observation> ENTITY_ORDER = Comparator.comparing(Observation::tenant)
            .thenComparing(observation -> observation.entity().urn());

    private final Duration dedupWindow;

    PostgresArrayWrites(Duration dedupWindow) {
        this.dedupWindow = dedupWindow;
    }

    @Override
    public boolean[] claim(Connection connection, List<Write> writes) throws SQLException {
        boolean[] fresh = new boolean[writes.size()];
        // one statement cannot claim a key twice: a copy later in the batch is a duplicate already
        // sorted keys: concurrent writers lock rows in one order and cannot deadlock each other
        Map<List<String>, Integer> firstOfKey = new TreeMap<>(KEY_ORDER);
        for (int i = 0; i < writes.size(); i++) {
            Input input = writes.get(i).input();
            if (!BatchWrites.hasMessageId(input)) {
                fresh[i] = true;
            } else {
                firstOfKey.putIfAbsent(key(input.tenant(), input.source().system(), input.source().device(),
                        input.source().messageId()), i);
            }
        }
        if (firstOfKey.isEmpty()) {
            return fresh;
        }
        Columns claims = new Columns(firstOfKey.size());
        for (int i : firstOfKey.values()) {
            Input input = writes.get(i).input();
            claims.text("tenant", input.tenant()).text("system", input.source().system()).text("device", input.source().device())
                    .text("message", input.source().messageId()).time("received", Timestamp.from(input.receivedAt()));
        }
        try (PreparedStatement claim = connection.prepareStatement("INSERT INTO hub_input"
                + " (tenant, source_system, device_id, message_id, received_at)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])"
                + " ON CONFLICT (tenant, source_system, device_id, message_id) DO UPDATE SET received_at = EXCLUDED.received_at"
                + " WHERE hub_input.received_at < EXCLUDED.received_at - ? * interval '1 second'"
                + " RETURNING tenant, source_system, device_id, message_id")) {
            claims.bind(connection, claim, 1, "tenant", "system", "device", "message", "received");
            claim.setLong(6, dedupWindow.toSeconds());
            try (ResultSet claimed = claim.executeQuery()) {
                while (claimed.next()) {
                    fresh[firstOfKey.get(key(claimed.getString(1), claimed.getString(2), claimed.getString(3),
                            claimed.getString(4)))] = true;
                }
            }
        }
        return fresh;
    }

    /** The time series rows go in by COPY, the fastest way into PostgreSQL; through {@code unnest} where COPY is not at hand. */
    @Override
    public void insertObservations(Connection connection, List<Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        if (ObservationCopy.available(connection)) {
            ObservationCopy.copy(connection, writes);
            return;
        }
        Columns rows = new Columns(writes.size() * 5);
        for (Write write : writes) {
            for (Observation observation : write.observations()) {
                Timestamp observedAt = Timestamp.from(observation.observedAt());
                for (Map.Entry<String, Property> property : observation.properties().entrySet()) {
                    Object value = property.getValue().value();
                    rows.text("tenant", observation.tenant()).text("entity", observation.entity().urn())
                            .text("type", observation.entity().type()).text("attribute", property.getKey())
                            .time("observed", observedAt).value(value).text("unit", property.getValue().unitCode())
                            .text("adapter", observation.source().adapter()).text("device", observation.source().device())
                            .text("message", write.input().source().messageId());
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_observation (" + ObservationCopy.COLUMNS
                + ") SELECT * FROM unnest(?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::timestamptz[], ?::float8[], ?::text[], ?::bool[], ?::text[], ?::text[], ?::text[], ?::text[])")) {
            rows.bind(connection, insert, 1, "tenant", "entity", "type", "attribute", "observed", Columns.NUMBER, Columns.TEXT,
                    Columns.BOOLEAN, "unit", "adapter", "device", "message");
            insert.executeUpdate();
        }
    }

    @Override
    public List<Observation> upsertEntities(Connection connection, List<Observation> unordered) throws SQLException {
        if (unordered.isEmpty()) {
            return List.of();
        }
        List<Observation> newest = unordered.stream().sorted(ENTITY_ORDER).toList();
        Columns entities = new Columns(newest.size());
        for (Observation observation : newest) {
            entities.text("tenant", observation.tenant()).text("entity", observation.entity().urn())
                    .text("type", observation.entity().type()).time("observed", Timestamp.from(observation.observedAt()))
                    .number("longitude", observation.location() == null ? null : observation.location().longitude())
                    .number("latitude", observation.location() == null ? null : observation.location().latitude())
                    .text("json", NgsiLdJson.entity(observation));
        }
        Set<List<String>> updated = new HashSet<>();
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO hub_entity (tenant, entity_id,"
                + " entity_type, observed_at, longitude, latitude, entity_json)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::float8[], ?::text[])"
                + " ON CONFLICT (tenant, entity_id) DO UPDATE SET entity_type = EXCLUDED.entity_type,"
                + " observed_at = EXCLUDED.observed_at, longitude = EXCLUDED.longitude, latitude = EXCLUDED.latitude,"
                + " entity_json = EXCLUDED.entity_json WHERE hub_entity.observed_at <= EXCLUDED.observed_at"
                + " RETURNING tenant, entity_id")) {
            entities.bind(connection, upsert, 1, "tenant", "entity", "type", "observed", "longitude", "latitude", "json");
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    updated.add(key(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return newest.stream().filter(o -> updated.contains(key(o.tenant(), o.entity().urn()))).toList();
    }

    /**
     * Upserts the values of the new states, then drops the attributes a state no longer has: those are the
     * rows of the entity older than its state. Cheaper than deleting and inserting every value.
     */
    @Override
    public void replaceCurrentValues(Connection connection, List<Observation> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        Columns entities = new Columns(states.size());
        Columns values = new Columns(states.size() * 5);
        for (Observation observation : states) {
            Timestamp observedAt = Timestamp.from(observation.observedAt());
            entities.text("tenant", observation.tenant()).text("entity", observation.entity().urn()).time("observed", observedAt);
            for (Map.Entry<String, Property> property : new TreeMap<>(observation.properties()).entrySet()) {
                values.text("tenant", observation.tenant()).text("entity", observation.entity().urn())
                        .text("attribute", property.getKey()).time("observed", observedAt).value(property.getValue().value());
            }
        }
        if (!values.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO hub_entity_attribute (tenant, entity_id,"
                    + " attribute, observed_at, value_number, value_text, value_boolean)"
                    + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::text[], ?::bool[])"
                    + " ON CONFLICT (tenant, entity_id, attribute) DO UPDATE SET observed_at = EXCLUDED.observed_at,"
                    + " value_number = EXCLUDED.value_number, value_text = EXCLUDED.value_text,"
                    + " value_boolean = EXCLUDED.value_boolean")) {
                values.bind(connection, upsert, 1, "tenant", "entity", "attribute", "observed", Columns.NUMBER, Columns.TEXT,
                        Columns.BOOLEAN);
                upsert.executeUpdate();
            }
        }
        try (PreparedStatement dropStale = connection.prepareStatement("DELETE FROM hub_entity_attribute a"
                + " USING unnest(?::text[], ?::text[], ?::timestamptz[]) AS changed(tenant, entity_id, observed_at)"
                + " WHERE a.tenant = changed.tenant AND a.entity_id = changed.entity_id AND a.observed_at < changed.observed_at")) {
            entities.bind(connection, dropStale, 1, "tenant", "entity", "observed");
            dropStale.executeUpdate();
        }
    }

    private static List<String> key(String... parts) {
        return List.of(parts);
    }

    /** Values gathered column by column, bound as one SQL array per column. */
    private static final class Columns {
        static final String NUMBER = "value_number";
        static final String TEXT = "value_text";
        static final String BOOLEAN = "value_boolean";

        private final int expected;
        private final Map<String, List<Object>> columns = new HashMap<>();
        private final Map<String, String> types = new HashMap<>();

        Columns(int expected) {
            this.expected = expected;
        }

        boolean isEmpty() {
            return columns.isEmpty();
        }

        Columns text(String column, String value) {
            return add(column, "text", value);
        }

        Columns time(String column, Timestamp value) {
            return add(column, "timestamptz", value);
        }

        Columns number(String column, Double value) {
            return add(column, "float8", value);
        }

        /** A property value into the number, text and boolean columns; the two others null. */
        Columns value(Object value) {
            number(NUMBER, value instanceof Number number ? number.doubleValue() : null);
            text(TEXT, value instanceof String text ? text : null);
            return add(BOOLEAN, "bool", value instanceof Boolean flag ? flag : null);
        }

        private Columns add(String column, String type, Object value) {
            columns.computeIfAbsent(column, c -> new ArrayList<>(expected)).add(value);
            types.put(column, type);
            return this;
        }

        void bind(Connection connection, PreparedStatement statement, int first, String... names) throws SQLException {
            for (int i = 0; i < names.length; i++) {
                Array array = connection.createArrayOf(types.get(names[i]), columns.get(names[i]).toArray());
                statement.setArray(first + i, array);
            }
        }
    }
}
