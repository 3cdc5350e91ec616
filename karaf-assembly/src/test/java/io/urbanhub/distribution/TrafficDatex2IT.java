package io.urbanhub.distribution;

import static io.urbanhub.distribution.InContainer.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
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

    @Configuration
    public Option[] distribution() {
        return Distribution.options();
    }

    @Test
    public void pushedPublicationsBecomeParkingEntitiesOfTheTenant() throws Exception {
        features.installFeature("hub-route-traffic-datex2");
        Files.writeString(Path.of(System.getProperty("karaf.etc")).resolve("io.urbanhub.route.traffic.datex2-aachen.cfg"),
                "tenant = aachen\npushSecret = it-secret\n");
        new InContainer(bundleContext).awaitRunning("traffic-datex2.aachen");
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
