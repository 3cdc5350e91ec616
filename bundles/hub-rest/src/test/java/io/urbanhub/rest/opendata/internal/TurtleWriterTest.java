package io.urbanhub.rest.opendata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class TurtleWriterTest {

    private static String catalog(String tenant) {
        return new OpenDataResource(null, null, Set.of(), "dl-de/by-2-0", "https://www.govdata.de/dl-de/by-2-0",
                DcatCatalogTest.CATALOG).catalogTurtle(tenant).getEntity().toString();
    }

    @Test
    void theCatalogInTurtleDeclaresThePrefixesAndStatesCatalogDatasetsAndDistributions() {
        String turtle = catalog("musterstadt");
        assertTrue(turtle.startsWith("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"), turtle);
        assertTrue(turtle.contains("@prefix dcatde: <http://dcat-ap.de/def/dcatde/> .\n"), turtle);
        String base = "https://daten.musterstadt.example/opendata/musterstadt/";
        assertTrue(turtle.contains("\n<" + base + "catalog>\n    a dcat:Catalog ;"), turtle);
        assertTrue(turtle.contains("dcat:dataset <" + base + "catalog#ParkingSpot>, <" + base + "catalog#TrafficFlowObserved>"), turtle);
        assertTrue(turtle.contains("\n<" + base + "catalog#ParkingSpot>\n    a dcat:Dataset ;"), turtle);
        assertTrue(turtle.contains("dct:publisher [\n        a foaf:Organization ;\n        foaf:name \"Stadt Musterstadt\"\n    ]"), turtle);
        assertTrue(turtle.contains("\n<" + base + "ParkingSpot.geojson>\n    a dcat:Distribution ;"), turtle);
        assertTrue(turtle.contains("dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ."), turtle);
        assertEquals(1 + 2 + 6, turtle.split("\n<").length - 1, "one subject for the catalog, each dataset and each distribution");
    }

    @Test
    void literalsAreEscaped() {
        ObjectNode node = new ObjectMapper().createObjectNode().put("@id", "urn:x").put("dct:title", "Der \"Platz\"\\\nNord");
        assertTrue(TurtleWriter.write(node).contains("dct:title \"Der \\\"Platz\\\"\\\\\\nNord\" ."));
    }

    @Test
    void aTenantWithoutOpenTypesHasNoTurtleCatalog() {
        assertEquals(404, new OpenDataResource(null, null, Set.of(), "dl-de/by-2-0", "https://www.govdata.de/dl-de/by-2-0",
                DcatCatalogTest.CATALOG).catalogTurtle("unbekannt").getStatus());
    }
}
