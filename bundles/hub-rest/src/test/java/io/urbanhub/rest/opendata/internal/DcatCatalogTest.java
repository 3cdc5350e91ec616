package io.urbanhub.rest.opendata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.admin.Tenant;

class DcatCatalogTest {

    static final OpenDataCatalog CATALOG = new OpenDataCatalog(
            Set.of("musterstadt/ParkingSpot", "musterstadt/TrafficFlowObserved", "nachbarort/ParkingSpot", "kreisstadt/ParkingSpot",
                    "umland/ParkingSpot"),
            URI.create("https://daten.musterstadt.example/opendata"), "dl-de/by-2-0", "https://www.govdata.de/dl-de/by-2-0",
            PublisherSettings.perTenant(Map.of("publisher.musterstadt", "Stadt Musterstadt",
                    "contact.musterstadt", "opendata@musterstadt.example", "ags.musterstadt", "05515000",
                    "contributor.musterstadt", "http://dcat-ap.de/def/contributors/stadtMuenster",
                    "themes.musterstadt", "TRAN, REGI", "publisher.umland", "Gemeinde Umland (laut Konfiguration)")),
            DcatCatalogTest::registered);

    /** The tenant registry: a town registered with its Regionalschlüssel, one with its AGS, musterstadt too. */
    static Optional<Tenant> registered(String tenant) {
        return Optional.ofNullable(Map.of(
                "kreisstadt", new Tenant("kreisstadt", "Kreisstadt Beispielhausen", "055660012012", "daten@kreisstadt.example"),
                "umland", new Tenant("umland", "Gemeinde Umland", "05566004", "Bürgerbüro, Tel. 0251 1234"),
                "musterstadt", new Tenant("musterstadt", "Registered Musterstadt", "03241001", "registry@musterstadt.example"))
                .get(tenant));
    }

    private static JsonNode catalog(String tenant) throws Exception {
        return new ObjectMapper().readTree(new OpenDataResource(null, null, Set.of(), "dl-de/by-2-0",
                "https://www.govdata.de/dl-de/by-2-0", CATALOG).catalog(tenant).getEntity().toString());
    }

    @Test
    void theCatalogHasTheContextsAndGovDataMandatoryFields() throws Exception {
        JsonNode catalog = catalog("musterstadt");
        assertEquals(Set.of("dcat", "dct", "foaf", "vcard", "dcatde"), Set.copyOf(names(catalog.get("@context"))));
        assertEquals("http://www.w3.org/ns/dcat#", catalog.at("/@context/dcat").asText());
        assertEquals("http://dcat-ap.de/def/dcatde/", catalog.at("/@context/dcatde").asText());
        assertEquals("dcat:Catalog", catalog.get("@type").asText());
        assertEquals("https://daten.musterstadt.example/opendata/musterstadt/catalog", catalog.get("@id").asText());
        assertFalse(catalog.get("dct:title").asText().isBlank());
        assertFalse(catalog.get("dct:description").asText().isBlank());
        assertEquals("Stadt Musterstadt", catalog.at("/dct:publisher/foaf:name").asText());
    }

    @Test
    void everyOpenTypeOfTheTenantIsADatasetWithTheMandatoryFields() throws Exception {
        JsonNode datasets = catalog("musterstadt").get("dcat:dataset");
        assertEquals(2, datasets.size());
        assertEquals("https://daten.musterstadt.example/opendata/musterstadt/catalog#ParkingSpot", datasets.get(0).get("@id").asText());
        for (JsonNode dataset : datasets) {
            assertEquals("dcat:Dataset", dataset.get("@type").asText());
            assertFalse(dataset.get("dct:title").asText().isBlank());
            assertFalse(dataset.get("dct:description").asText().isBlank());
            assertEquals("Stadt Musterstadt", dataset.at("/dct:publisher/foaf:name").asText());
            assertTrue(dataset.get("dcat:keyword").size() > 0);
            assertEquals("mailto:opendata@musterstadt.example", dataset.at("/dcat:contactPoint/vcard:hasEmail/@id").asText());
            assertEquals("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05515000",
                    dataset.at("/dcatde:politicalGeocodingURI/0/@id").asText());
            assertEquals(1, dataset.get("dcatde:politicalGeocodingURI").size(), "an AGS names the municipality once");
            assertEquals("http://dcat-ap.de/def/contributors/stadtMuenster", dataset.at("/dcatde:contributorID/@id").asText());
            assertEquals("http://publications.europa.eu/resource/authority/data-theme/TRAN", dataset.at("/dcat:theme/0/@id").asText());
        }
    }

    @Test
    void everyDatasetHasItsGeoJsonAndCsvFilesAsDistributionsUnderTheLicence() throws Exception {
        JsonNode distributions = catalog("musterstadt").at("/dcat:dataset/0/dcat:distribution");
        String base = "https://daten.musterstadt.example/opendata/musterstadt/ParkingSpot";
        assertEquals(List.of(base + ".geojson", base + ".csv", base + "/values.csv"),
                distributions.findValuesAsText("@id").stream().filter(id -> id.startsWith(base)).distinct().toList());
        for (JsonNode distribution : distributions) {
            assertEquals("dcat:Distribution", distribution.get("@type").asText());
            assertTrue(URI.create(distribution.at("/dcat:accessURL/@id").asText()).isAbsolute());
            assertEquals("http://dcat-ap.de/def/licenses/dl-by-de/2.0", distribution.at("/dct:license/@id").asText());
            assertTrue(distribution.at("/dcat:mediaType/@id").asText().startsWith("https://www.iana.org/assignments/media-types/"));
            assertTrue(distribution.at("/dct:format/@id").asText().startsWith("http://publications.europa.eu/resource/authority/file-type/"));
        }
        assertEquals("https://www.iana.org/assignments/media-types/application/geo+json",
                distributions.at("/0/dcat:mediaType/@id").asText());
        assertEquals("http://publications.europa.eu/resource/authority/file-type/CSV", distributions.at("/1/dct:format/@id").asText());
    }

    @Test
    void aTenantWithoutPublisherSettingsPublishesUnderItsNameWithoutContactOrGeocoding() throws Exception {
        JsonNode dataset = catalog("nachbarort").at("/dcat:dataset/0");
        assertEquals("nachbarort", dataset.at("/dct:publisher/foaf:name").asText());
        assertTrue(dataset.path("dcat:contactPoint").isMissingNode());
        assertTrue(dataset.path("dcatde:politicalGeocodingURI").isMissingNode());
    }

    @Test
    void aRegisteredTenantPublishesUnderItsRegisteredNameContactAndRegionalKey() throws Exception {
        JsonNode catalog = catalog("kreisstadt");
        assertEquals("Kreisstadt Beispielhausen", catalog.at("/dct:publisher/foaf:name").asText());
        JsonNode dataset = catalog.at("/dcat:dataset/0");
        assertEquals("Kreisstadt Beispielhausen", dataset.at("/dct:publisher/foaf:name").asText());
        assertEquals("mailto:daten@kreisstadt.example", dataset.at("/dcat:contactPoint/vcard:hasEmail/@id").asText());
        assertEquals(List.of("http://dcat-ap.de/def/politicalGeocoding/regionalKey/055660012012",
                        "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05566012"),
                dataset.get("dcatde:politicalGeocodingURI").findValuesAsText("@id"),
                "the Regionalschlüssel as regionalKey, and without the Gemeindeverband's digits as the AGS");
        assertEquals(PublisherSettings.MUNICIPALITY_LEVEL, dataset.at("/dcatde:politicalGeocodingLevelURI/@id").asText());
    }

    @Test
    void configuredPublisherKeysOverrideTheRegistrationAndContactsThatAreNoAddressAreLeftOut() throws Exception {
        JsonNode musterstadt = catalog("musterstadt").at("/dcat:dataset/0");
        assertEquals("Stadt Musterstadt", musterstadt.at("/dct:publisher/foaf:name").asText());
        assertEquals("mailto:opendata@musterstadt.example", musterstadt.at("/dcat:contactPoint/vcard:hasEmail/@id").asText());
        assertEquals("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05515000",
                musterstadt.at("/dcatde:politicalGeocodingURI/0/@id").asText());

        JsonNode umland = catalog("umland").at("/dcat:dataset/0");
        assertEquals("Gemeinde Umland (laut Konfiguration)", umland.at("/dct:publisher/foaf:name").asText());
        assertTrue(umland.path("dcat:contactPoint").isMissingNode(), "a telephone note is no contact e-mail");
        assertEquals("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05566004",
                umland.at("/dcatde:politicalGeocodingURI/0/@id").asText(), "the key the configuration leaves open");
    }

    @Test
    void theTurtleCatalogNamesBothKeysOfARegionalKey() {
        String turtle = new OpenDataResource(null, null, Set.of(), "dl-de/by-2-0", "https://www.govdata.de/dl-de/by-2-0",
                CATALOG).catalogTurtle("kreisstadt").getEntity().toString();
        assertTrue(turtle.contains("dcatde:politicalGeocodingURI <http://dcat-ap.de/def/politicalGeocoding/regionalKey/055660012012>,"
                + " <http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05566012>"), turtle);
    }

    @Test
    void aTenantWithoutOpenTypesHasNoCatalog() {
        assertEquals(404, new OpenDataResource(null, null, Set.of(), "dl-de/by-2-0", "https://www.govdata.de/dl-de/by-2-0",
                CATALOG).catalog("unbekannt").getStatus());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
