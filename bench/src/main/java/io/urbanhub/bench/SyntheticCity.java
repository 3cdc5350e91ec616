package io.urbanhub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * A city's worth of data in the hub's own tables, made by the database itself: entities of four types
 * spread over 20 km around Münster, each with its current values and a time series of two attributes
 * every 30 minutes up to {@code now}. Fast to make, and shaped as the hub writes it.
 */
final class SyntheticCity {

    static final String TENANT = "bench";
    static final String[] TYPES = {"IndoorEnvironmentObserved", "WaterConsumptionObserved", "AirQualityObserved", "ParkingSpot"};
    static final double WEST = 7.50;
    static final double SOUTH = 51.88;
    static final double SPAN_LON = 0.30;
    static final double SPAN_LAT = 0.18;

    private SyntheticCity() {
    }

    static String entityId(long i) {
        return "urn:ngsi-ld:" + TYPES[(int) (i % TYPES.length)] + ":" + TENANT + ":e" + i;
    }

    static void load(DataSource dataSource, long entities, long observations, Instant now) throws SQLException {
        long perAttribute = Math.max(1, observations / (2 * entities));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.42)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_entity (tenant, entity_id, entity_type,"
                    + " observed_at, longitude, latitude, entity_json)"
                    + " SELECT ?, 'urn:ngsi-ld:' || t || ':" + TENANT + ":e' || i, t, ?, lon, lat,"
                    + "  json_build_object('id', 'urn:ngsi-ld:' || t || ':" + TENANT + ":e' || i, 'type', t,"
                    + "   'temperature', json_build_object('type', 'Property', 'value', temperature, 'unitCode', 'CEL'),"
                    + "   'location', json_build_object('type', 'GeoProperty', 'value',"
                    + "    json_build_object('type', 'Point', 'coordinates', json_build_array(lon, lat))))::text"
                    + " FROM (SELECT i, (ARRAY['" + String.join("','", TYPES) + "'])[1 + i % 4] AS t,"
                    + "  " + WEST + " + random() * " + SPAN_LON + " AS lon, " + SOUTH + " + random() * " + SPAN_LAT + " AS lat,"
                    + "  round((random() * 50 - 20)::numeric, 1)::float8 AS temperature"
                    + "  FROM generate_series(0, ? - 1) AS i) AS city")) {
                insert.setString(1, TENANT);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setLong(3, entities);
                insert.executeUpdate();
            }
            statement.execute("INSERT INTO hub_entity_attribute (tenant, entity_id, attribute, observed_at, value_number)"
                    + " SELECT tenant, entity_id, 'temperature', observed_at, (entity_json::json -> 'temperature' ->> 'value')::float8"
                    + " FROM hub_entity WHERE tenant = '" + TENANT + "'"
                    + " UNION ALL SELECT tenant, entity_id, 'relativeHumidity', observed_at, round((random() * 60 + 30)::numeric, 1)::float8"
                    + " FROM hub_entity WHERE tenant = '" + TENANT + "'");
            try (PreparedStatement series = connection.prepareStatement("INSERT INTO hub_observation (tenant, entity_id,"
                    + " entity_type, attribute, observed_at, value_number, unit_code, source_adapter, source_device, message_id)"
                    + " SELECT e.tenant, e.entity_id, e.entity_type, a.attribute, CAST(? AS timestamptz) - k * interval '30 minutes',"
                    + "  round((random() * 50 - 20)::numeric, 1)::float8, a.unit, 'bench.synthetic', e.entity_id, 'k' || k"
                    + " FROM hub_entity e CROSS JOIN (VALUES ('temperature', 'CEL'), ('relativeHumidity', 'P1')) AS a(attribute, unit)"
                    + " CROSS JOIN generate_series(0, ? - 1) AS k WHERE e.tenant = ?")) {
                series.setTimestamp(1, Timestamp.from(now));
                series.setLong(2, perAttribute);
                series.setString(3, TENANT);
                series.executeUpdate();
            }
            statement.execute("ANALYZE");
        }
    }
}
