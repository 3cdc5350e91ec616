package io.urbanhub.distribution;

import static io.urbanhub.distribution.InContainer.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

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

import io.urbanhub.api.spi.Secrets;

/**
 * A supplier pushes real DATEX II publications into the distribution, as a plain POST and through the v2
 * SOAP operation {@code putDatex2Data}, and the parking entities are read back through the NGSI-LD API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrafficDatex2IT {

    @Inject
    BundleContext bundleContext;

    @Inject
    FeaturesService features;

    @Inject
    SessionFactory sessionFactory;

    @Configuration
    public Option[] distribution() {
        // where the environment variable cannot be set, as in this container
        return Distribution.options(systemProperty(Secrets.MASTER_PASSWORD_PROPERTY).value("it-master-" + UUID.randomUUID()));
    }

    @Test
    public void pushedPublicationsBecomeParkingEntitiesOfTheTenant() throws Exception {
        features.installFeature("hub-route-traffic-datex2");
        // the push secret is kept encrypted, as hub:encrypt makes it
        String encrypted = Console.execute(sessionFactory, "hub:encrypt it-secret").strip();
        assertTrue(encrypted, encrypted.matches("ENC\\([A-Za-z0-9+/=]{40,}\\)"));
        Files.writeString(Path.of(System.getProperty("karaf.etc")).resolve("io.urbanhub.route.traffic.datex2-aachen.cfg"),
                "tenant = aachen\npushSecret = " + encrypted + "\n");
        new InContainer(bundleContext).awaitRunning("traffic-datex2.aachen");
        String listed = Console.execute(sessionFactory, "config:list \"(service.factoryPid=io.urbanhub.route.traffic.datex2)\"");
        assertTrue(listed, listed.contains(encrypted) && !listed.contains("it-secret"));
        String push = System.getProperty(Distribution.HTTP_PROPERTY) + "/traffic-datex2/aachen";

        await("the push endpoint", () -> post(push + "/publications", "wrong", sample("aachen-static.xml")).statusCode() == 401);
        assertEquals(204, post(push + "/publications", "it-secret", sample("aachen-static.xml")).statusCode());
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + sample("aachen-realtime.xml").replaceFirst("<\\?xml[^>]*\\?>", "") + "</soapenv:Body></soapenv:Envelope>";
        HttpResponse<String> acknowledged = post(push + "/soap", "it-secret", envelope);
        assertEquals(acknowledged.body(), 200, acknowledged.statusCode());
        assertTrue(acknowledged.body(), acknowledged.body().contains("<response>acknowledge</response>"));

        HttpResponse<String> p1 = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                System.getProperty(Distribution.HTTP_PROPERTY) + "/ngsi-ld/v1/entities/urn:ngsi-ld:OffStreetParking:aachen:P1"))
                .header("NGSILD-Tenant", "aachen").header("X-API-Key", Distribution.apiKey("aachen"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(p1.body(), 200, p1.statusCode());
        JsonNode entity = new ObjectMapper().readTree(p1.body());
        assertEquals(412, entity.at("/availableSpotNumber/value").asInt());
        assertEquals(560, entity.at("/totalSpotNumber/value").asInt());
        assertEquals("open", entity.at("/status/value").asText());
        assertEquals(6.0927987, entity.at("/location/value/coordinates/0").asDouble(), 1e-9);
    }

    private static HttpResponse<String> post(String url, String secret, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("X-Datex2-Secret", secret)
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sample(String name) throws Exception {
        try (InputStream xml = TrafficDatex2IT.class.getResourceAsStream("/datex2/" + name)) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
