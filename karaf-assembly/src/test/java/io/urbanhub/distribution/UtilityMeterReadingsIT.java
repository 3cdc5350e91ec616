package io.urbanhub.distribution;

import static io.urbanhub.distribution.InContainer.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A utility's MSCONS file dropped into the folder an admin configured at run time: its load profile and register
 * reading are read back through the NGSI-LD API, its bad value through the console.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UtilityMeterReadingsIT {

    /** A quarter-hour load profile of two values and one register reading, the second value's unit wrong. */
    private static final String MSCONS = String.join("'\n",
            "UNA:+.? 'UNB+UNOC:3+9900357000004:500+9907648000003:500+241002:0612+MS4711++EM",
            "UNH+1+MSCONS:D:04B:UN:2.4c",
            "BGM+7+MSI4711+9",
            "UNS+D",
            "NAD+DP",
            "LOC+172+DE0001234567890000000000000000001",
            "LIN+1",
            "PIA+5+1-1?:1.29.0:SRW",
            "QTY+220:1.250",
            "DTM+163:202410012200?+00:303",
            "DTM+164:202410012215?+00:303",
            "QTY+220:1.500:MTQ",
            "DTM+163:202410012215?+00:303",
            "DTM+164:202410012230?+00:303",
            "LIN+2",
            "PIA+5+1-1?:1.8.0:SRW",
            "QTY+220:12345.678:KWH",
            "DTM+7:202410012200?+00:303",
            "UNT+18+1",
            "UNZ+1+MS4711") + "'\n";

    @Inject
    BundleContext bundleContext;

    @Inject
    FeaturesService features;

    @Inject
    SessionFactory sessionFactory;

    @Configuration
    public Option[] distribution() {
        return Distribution.options();
    }

    @Test
    public void anMsconsFileInTheConfiguredFolderBecomesEntitiesAndADeadLetter() throws Exception {
        await("the tenant to be registered", () -> Console.execute(sessionFactory,
                "hub:tenant-add --ags 05334002 musterstadt Musterstadt").contains("musterstadt"));
        features.installFeature("hub-route-utility-meter-readings");
        Path inbox = Path.of(System.getProperty("karaf.data"), "meter-inbox");
        Files.writeString(Path.of(System.getProperty("karaf.etc")).resolve("io.urbanhub.route.utility.meter-musterstadt.cfg"),
                "tenant = musterstadt\nfolder = " + inbox.toString().replace('\\', '/') + "\npollSeconds = 1\n");
        new InContainer(bundleContext).awaitRunning("utility-meter-readings.musterstadt");

        Files.writeString(inbox.resolve("MSCONS_20241002.edi"), MSCONS, StandardCharsets.ISO_8859_1);
        await("the file to be imported", () -> Files.exists(inbox.resolve(".imported/MSCONS_20241002.edi")));

        JsonNode loadProfile = entity("urn:ngsi-ld:ACMeasurement:musterstadt:DE0001234567890000000000000000001");
        assertEquals(5.0, loadProfile.at("/totalActivePower/value").asDouble(), 1e-9);
        assertEquals("KWT", loadProfile.at("/totalActivePower/unitCode").asText());
        JsonNode meter = entity("urn:ngsi-ld:SmartMeteringObservation:musterstadt:DE0001234567890000000000000000001");
        assertEquals(12345.678, meter.at("/totalConsumption/value").asDouble(), 1e-9);
        assertEquals("Electricity", meter.at("/meterType/value").asText());

        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        assertTrue("the import's log lines name tenant and adapter instance",
                log.contains("tenant=musterstadt adapter=utility-meter-readings.musterstadt "));
        String deadLetters = Console.execute(sessionFactory, "hub:deadletters --no-format --tenant musterstadt");
        assertTrue(deadLetters, deadLetters.contains(
                "file MSCONS_20241002.edi message 1 segment 11 (QTY, line 12): unit MTQ, but 1-1:1.29.0 is measured in KWH"));
    }

    private static JsonNode entity(String id) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        System.getProperty(Distribution.HTTP_PROPERTY) + "/ngsi-ld/v1/entities/" + id))
                .header("NGSILD-Tenant", "musterstadt").header("X-API-Key", Distribution.apiKey("musterstadt"))
                .header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        return new ObjectMapper().readTree(response.body());
    }
}
