package io.urbanhub.rest.opendata.internal;

import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.MUSTERSTADT;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.NACHBARSTADT;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.TYPE;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.entityId;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.isTemperatureOf;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.other;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.ownType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.ws.rs.core.Response;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter;

/**
 * The open data export of two tenants served by one adapter, on H2 and on PostgreSQL: each tenant's files and DCAT
 * catalog hold its own entities, values and registered publisher, and nothing of the other's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataTenantIsolationIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The export over the real data layer on one database. */
    record Export(String database, TwoTenantsOnOneAdapter data, OpenDataResource resource) {

        @Override
        public String toString() {
            return database;
        }
    }

    private BothDatabases databases;
    private final List<Export> exports = new ArrayList<>();

    @BeforeAll
    void writeBothTenantsOnEachDatabase() throws Exception {
        databases = new BothDatabases();
        // the shared type is open for both; each tenant's own type only for musterstadt
        Set<String> open = Set.of(MUSTERSTADT + "/" + TYPE, NACHBARSTADT + "/" + TYPE, MUSTERSTADT + "/" + ownType(MUSTERSTADT));
        for (DataSource database : databases.fresh().toList()) {
            TwoTenantsOnOneAdapter data = TwoTenantsOnOneAdapter.written(database);
            OpenDataCatalog catalog = new OpenDataCatalog(open, URI.create("https://daten.example/opendata"), "dl-de/by-2-0",
                    "https://www.govdata.de/dl-de/by-2-0", Map.of(), data.registry()::find);
            exports.add(new Export(database instanceof JdbcDataSource ? "H2" : "PostgreSQL", data,
                    new OpenDataResource(data.dataLayer(), data.dataLayer(), open, "dl-de/by-2-0",
                            "https://www.govdata.de/dl-de/by-2-0", catalog)));
        }
    }

    @AfterAll
    void stop() {
        exports.forEach(export -> export.data().close());
        databases.close();
    }

    Stream<Arguments> eachTenantOnEachDatabase() {
        return exports.stream().flatMap(export -> Stream.of(Arguments.of(export, MUSTERSTADT), Arguments.of(export, NACHBARSTADT)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void theGeoJsonAndCsvOfATypeHoldOnlyTheOwnEntities(Export export, String tenant) throws Exception {
        Response geoJson = export.resource().geoJson(tenant, TYPE);
        assertEquals(200, geoJson.getStatus());
        JsonNode features = MAPPER.readTree(geoJson.getEntity().toString()).get("features");
        Set<String> ids = new TreeSet<>();
        for (JsonNode feature : features) {
            ids.add(feature.get("id").asText());
            assertTrue(isTemperatureOf(tenant, feature.at("/properties/temperature").asDouble()), feature.toString());
        }
        assertEquals(rooms(tenant), ids);

        String csv = export.resource().stateCsv(tenant, TYPE).getEntity().toString();
        rooms(tenant).forEach(id -> assertTrue(csv.contains(id), csv));
        rooms(other(tenant)).forEach(id -> assertFalse(csv.contains(id), csv));
        assertFalse(csv.contains(TwoTenantsOnOneAdapter.ownAttribute(other(tenant))), csv);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void theValuesOverTimeHoldOnlyTheOwnValues(Export export, String tenant) throws Exception {
        Response values = export.resource().valuesCsv(tenant, TYPE, null, null);
        assertEquals(200, values.getStatus());
        List<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(values.getEntity().toString()).readAll();
        assertTrue(rows.stream().anyMatch(row -> row.get("attribute").equals("temperature")), rows.toString());
        for (Map<String, String> row : rows) {
            assertTrue(rooms(tenant).contains(row.get("id")), row.toString());
            if (row.get("attribute").equals("temperature")) {
                assertTrue(isTemperatureOf(tenant, Double.parseDouble(row.get("value"))), row.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void aTypeOpenForOneTenantOnlyIsNotFoundUnderTheOther(Export export, String tenant) {
        int expected = tenant.equals(MUSTERSTADT) ? 200 : 404;
        assertEquals(expected, export.resource().geoJson(tenant, ownType(MUSTERSTADT)).getStatus());
        assertEquals(expected, export.resource().valuesCsv(tenant, ownType(MUSTERSTADT), null, null).getStatus());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void theCatalogListsOnlyTheOwnDatasetsUnderTheRegisteredPublisher(Export export, String tenant) throws Exception {
        String publisher = export.data().registry().find(tenant).orElseThrow().name();
        String otherPublisher = export.data().registry().find(other(tenant)).orElseThrow().name();
        String jsonLd = export.resource().catalog(tenant).getEntity().toString();
        JsonNode catalog = MAPPER.readTree(jsonLd);
        assertEquals(publisher, catalog.at("/dct:publisher/foaf:name").asText());
        for (JsonNode dataset : catalog.get("dcat:dataset")) {
            assertTrue(dataset.get("@id").asText().startsWith("https://daten.example/opendata/" + tenant + "/catalog#"), dataset.toString());
            assertEquals(publisher, dataset.at("/dct:publisher/foaf:name").asText());
        }
        assertEquals(tenant.equals(MUSTERSTADT) ? 2 : 1, catalog.get("dcat:dataset").size());
        String turtle = export.resource().catalogTurtle(tenant).getEntity().toString();
        for (String document : List.of(jsonLd, turtle)) {
            assertTrue(document.contains(publisher), document);
            assertFalse(document.contains(otherPublisher), document);
            assertFalse(document.contains("/opendata/" + other(tenant) + "/"), document);
        }
    }

    private static Set<String> rooms(String tenant) {
        return new TreeSet<>(TwoTenantsOnOneAdapter.ROOMS.stream().map(room -> entityId(tenant, room)).toList());
    }
}
