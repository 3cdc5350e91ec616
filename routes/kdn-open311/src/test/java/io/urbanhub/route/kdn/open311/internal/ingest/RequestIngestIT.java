package io.urbanhub.route.kdn.open311.internal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
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
import io.urbanhub.route.kdn.open311.internal.parse.Format;
import io.urbanhub.route.kdn.open311.internal.parse.GeoReportReader;
import io.urbanhub.testing.TestPostgres;

/** The specification's example requests into a real store (H2 and PostgreSQL), read back and compared with the files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIngestIT {

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
    void theXmlRequestsAreStoredWithTheirValuesOnceAndAgainOnlyWhenUpdated(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, Duration.ofHours(24));
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        RequestIngest ingest = new RequestIngest("kdn-open311.test", tenant, new StoreDataLayer(store));

        String newest = ingest.ingest(GeoReportReader.requests(sample("get-requests-response.xml"), Format.XML), Map.of());

        assertEquals("2010-04-19T06:37:38-08:00", newest);
        JsonNode closed = new ObjectMapper().readTree(store.reads()
                .entity(tenant, "urn:ngsi-ld:ServiceRequest:" + tenant + ":638344").orElseThrow().normalized());
        assertEquals("006", closed.at("/service_code/value").asText(), "XML keeps the code's leading zeros");
        assertEquals("closed", closed.at("/status/value").asText());
        assertEquals("2010-04-14T06:37:38-08:00", closed.at("/requested_datetime/value").asText());
        assertEquals("http://city.gov.s3.amazonaws.com/requests/media/638344.jpg", closed.at("/media_url/value").asText());
        String rows = "SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'";
        long before = count(database, rows);

        ingest.ingest(GeoReportReader.requests(sample("get-requests-response.xml"), Format.XML), Map.of());
        assertEquals(before, count(database, rows), "unchanged requests read again store nothing twice");

        ingest.ingest(GeoReportReader.requests(sample("get-requests-updated.json"), Format.JSON), Map.of());
        assertEquals(before + 11, count(database, rows),
                "the updated request is stored anew with its 11 properties; the unchanged one is not");
    }

    private static long count(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static byte[] sample(String name) throws Exception {
        try (InputStream in = RequestIngestIT.class.getResourceAsStream("/open311/" + name)) {
            return in.readAllBytes();
        }
    }
}
