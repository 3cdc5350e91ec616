package io.urbanhub.rest.opendata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CkanSyncTest {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.test-token";

    private FakeCkan ckan;
    private CkanSync sync;

    @BeforeEach
    void start() throws Exception {
        ckan = new FakeCkan(TOKEN);
        sync = new CkanSync(DcatCatalogTest.CATALOG, "musterstadt", "stadt-musterstadt",
                new CkanClient(ckan.url().toString(), TOKEN, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        ckan.close();
    }

    @Test
    void createsAPackagePerOpenTypeWithItsFilesAsResources() {
        assertEquals(Map.of(), sync.publishAll());

        assertEquals(List.of("GET package_show", "POST package_create", "GET package_show", "POST package_create"), actions());
        ckan.calls.forEach(call -> assertEquals(TOKEN, call.authorization()));
        JsonNode created = ckan.calls.get(1).body();
        assertEquals("musterstadt-parkingspot", created.get("name").asText());
        assertEquals("ParkingSpot – Stadt Musterstadt", created.get("title").asText());
        assertTrue(created.get("notes").asText().contains("ParkingSpot"));
        assertEquals("http://dcat-ap.de/def/licenses/dl-by-de/2.0", created.get("license_id").asText());
        assertEquals("stadt-musterstadt", created.get("owner_org").asText());
        assertEquals("opendata@musterstadt.example", created.get("maintainer_email").asText());
        String base = "https://daten.musterstadt.example/opendata/musterstadt/ParkingSpot";
        assertEquals(List.of(base + ".geojson", base + ".csv", base + "/values.csv"), created.get("resources").findValuesAsText("url"));
        assertEquals(List.of("GeoJSON", "CSV", "CSV"), created.get("resources").findValuesAsText("format"));
        created.get("resources").forEach(resource -> assertTrue(resource.hasNonNull("name")));
        assertEquals("[\"http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05515000\"]", extra(created, "politicalGeocodingURI"));
        assertEquals("[\"http://dcat-ap.de/def/contributors/stadtMuenster\"]", extra(created, "contributorID"));
        assertEquals("musterstadt-trafficflowobserved", ckan.calls.get(3).body().get("name").asText());
    }

    @Test
    void updatesTheExistingPackageKeepingItsIdsOnTheNextRun() {
        sync.publishAll();
        String id = ckan.packages.get("musterstadt-parkingspot").get("id").asText();
        List<String> resourceIds = ckan.packages.get("musterstadt-parkingspot").get("resources").findValuesAsText("id");
        ckan.calls.clear();

        assertEquals(Map.of(), sync.publishAll());

        assertEquals(List.of("GET package_show", "POST package_update", "GET package_show", "POST package_update"), actions());
        JsonNode updated = ckan.calls.get(1).body();
        assertEquals(id, updated.get("id").asText());
        assertEquals("musterstadt-parkingspot", updated.get("name").asText());
        assertEquals(resourceIds, updated.get("resources").findValuesAsText("id"));
        assertEquals(TOKEN, ckan.calls.get(1).authorization());
    }

    @Test
    void aRefusedPackageIsReportedWithCkansReasonAndTriedAgainOnTheNextRun() {
        ckan.refuseWrites = true;
        Map<String, String> failures = sync.publishAll();
        assertEquals(2, failures.size());
        assertTrue(failures.get("musterstadt-parkingspot").contains("403"), failures.toString());
        assertTrue(failures.get("musterstadt-parkingspot").contains("not authorized"), failures.toString());

        ckan.refuseWrites = false;
        assertEquals(Map.of(), sync.publishAll());
        assertEquals(2, ckan.packages.size());
    }

    @Test
    void anUnreachablePortalIsAFailureNotAnException() {
        ckan.close();
        Map<String, String> failures = sync.publishAll();
        assertEquals(2, failures.size());
    }

    @Test
    void aRegisteredTenantsPackagesCarryItsRegisteredNameContactAndBothKeys() {
        CkanSync registered = new CkanSync(DcatCatalogTest.CATALOG, "kreisstadt", "kreisstadt",
                new CkanClient(ckan.url().toString(), TOKEN, Duration.ofSeconds(5)));
        assertEquals(Map.of(), registered.publishAll());

        JsonNode created = ckan.calls.get(1).body();
        assertEquals("kreisstadt-parkingspot", created.get("name").asText());
        assertEquals("Kreisstadt Beispielhausen", created.get("maintainer").asText());
        assertEquals("daten@kreisstadt.example", created.get("maintainer_email").asText());
        assertEquals("[\"http://dcat-ap.de/def/politicalGeocoding/regionalKey/055660012012\","
                + "\"http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05566012\"]", extra(created, "politicalGeocodingURI"));
    }

    @Test
    void refusesAnIncompleteConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new CkanClient("ckan.example.org", TOKEN, Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> new CkanClient("https://ckan.example.org", " ", Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> new CkanClient(null, TOKEN, Duration.ofSeconds(5)));
        CkanClient client = new CkanClient("https://ckan.example.org", TOKEN, Duration.ofSeconds(5));
        assertThrows(IllegalArgumentException.class, () -> new CkanSync(DcatCatalogTest.CATALOG, "musterstadt", "", client));
        assertThrows(IllegalArgumentException.class, () -> new CkanSync(DcatCatalogTest.CATALOG, null, "org", client));
    }

    private static String extra(JsonNode pkg, String key) {
        for (JsonNode extra : pkg.get("extras")) {
            if (extra.get("key").asText().equals(key)) {
                return extra.get("value").asText();
            }
        }
        return null;
    }

    private List<String> actions() {
        return ckan.calls.stream().map(call -> call.method() + " " + call.action()).toList();
    }
}
