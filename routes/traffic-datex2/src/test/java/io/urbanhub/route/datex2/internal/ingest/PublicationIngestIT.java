package io.urbanhub.route.datex2.internal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.StoreDataLayer;
import io.urbanhub.route.datex2.internal.parse.Datex2Reader;
import io.urbanhub.testing.TestPostgres;

/** Real parking publications into a real store (H2 and PostgreSQL), read back and compared with the XML. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationIngestIT {

    private TestPostgres postgres;

    @BeforeAll
    void start() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    void stop() {
        postgres.close();
    }

    Stream<DataSource> databases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(postgres.jdbcUrl());
        pg.setUser(postgres.username());
        return Stream.of(h2, pg);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aachensTableAndStatusBecomeParkingEntitiesWithTheValuesOfTheXml(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, Duration.ofHours(24));
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        PublicationIngest ingest = new PublicationIngest("traffic-datex2.aachen", tenant, new StoreDataLayer(store));

        read("aachen-static.xml", ingest);
        read("aachen-realtime.xml", ingest);

        JsonNode p1 = entity(store, tenant, "P1");
        assertEquals(412, p1.at("/availableSpotNumber/value").asInt());
        assertEquals(560, p1.at("/totalSpotNumber/value").asInt());
        assertEquals(0.2643, p1.at("/occupancy/value").asDouble(), 1e-9);
        assertEquals("open", p1.at("/status/value").asText());
        assertEquals("2025-02-07T19:05:34.176Z", p1.at("/availableSpotNumber/observedAt").asText());
        assertEquals(6.0927987, p1.at("/location/value/coordinates/0").asDouble(), 1e-9);
        assertEquals(50.780552, p1.at("/location/value/coordinates/1").asDouble(), 1e-9);

        long rows = count(database, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'");
        read("aachen-realtime.xml", ingest);
        assertEquals(rows, count(database, "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"),
                "an unchanged publication read again stores nothing twice");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStatusBeforeItsTableIsStoredAtOnceAndAgainWithPlaceAndCapacityWhenTheTableComes(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, Duration.ofHours(24));
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        PublicationIngest ingest = new PublicationIngest("traffic-datex2.vrs", tenant, new StoreDataLayer(store));

        read("bondorf-realtime.xml", ingest);
        JsonNode before = entity(store, tenant, "1035");
        assertEquals(215, before.at("/availableSpotNumber/value").asInt());
        assertTrue(before.path("location").isMissingNode(), "no place before the table");
        assertEquals(1, ingest.waitingForTheirTable().size());

        read("bondorf-static.xml", ingest);

        JsonNode after = entity(store, tenant, "1035");
        assertEquals(215, after.at("/availableSpotNumber/value").asInt());
        assertEquals(313, after.at("/totalSpotNumber/value").asInt(), "the status's own capacity counts");
        assertEquals(8.82821456169721, after.at("/location/value/coordinates/0").asDouble(), 1e-9);
        assertEquals(0, ingest.waitingForTheirTable().size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theMeasuredValuesOfALaneBecomeOneTrafficFlowObservation(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, Duration.ofHours(24));
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        PublicationIngest ingest = new PublicationIngest("traffic-datex2.ring", tenant, new StoreDataLayer(store));

        read("v2-measurement-site-table.xml", ingest);
        read("v2-measured-data.xml", ingest);
        ingest.flush();

        JsonNode lane1 = new ObjectMapper().readTree(store.reads().entity(tenant,
                "urn:ngsi-ld:TrafficFlowObserved:" + tenant + ":MS-A1:lane1").orElseThrow().normalized());
        assertEquals(1320.0, lane1.at("/vehicleFlowRate/value").asDouble(), 1e-9);
        assertEquals(22, lane1.at("/intensity/value").asInt(), "1320 vehicles an hour for 60 s");
        assertEquals(47.5, lane1.at("/averageVehicleSpeed/value").asDouble(), 1e-9);
        assertEquals("KMH", lane1.at("/averageVehicleSpeed/unitCode").asText());
        assertEquals("2025-03-01T09:00:00Z", lane1.at("/intensity/observedAt").asText());
        assertEquals(6.0755, lane1.at("/location/value/coordinates/0").asDouble(), 1e-9);
        JsonNode lane2 = new ObjectMapper().readTree(store.reads().entity(tenant,
                "urn:ngsi-ld:TrafficFlowObserved:" + tenant + ":MS-A1:lane2").orElseThrow().normalized());
        assertEquals(0.125, lane2.at("/occupancy/value").asDouble(), 1e-9);
    }

    private static void read(String sample, PublicationIngest ingest) throws Exception {
        try (InputStream xml = PublicationIngestIT.class.getResourceAsStream("/datex2/" + sample)) {
            Datex2Reader.read(xml, ingest);
        }
    }

    private static JsonNode entity(JdbcStore store, String tenant, String localId) throws Exception {
        String urn = "urn:ngsi-ld:OffStreetParking:" + tenant + ":" + localId;
        return new ObjectMapper().readTree(store.reads().entity(tenant, urn).orElseThrow(
                () -> new AssertionError("no entity " + urn)).normalized());
    }

    private static long count(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
