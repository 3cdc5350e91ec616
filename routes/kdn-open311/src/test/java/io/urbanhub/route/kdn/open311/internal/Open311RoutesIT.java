package io.urbanhub.route.kdn.open311.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.api.admin.StoredObservation;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.StoreDataLayer;

/** Requests pulled from real HTTP servers on the loopback interface into a real store, and one submitted. */
class Open311RoutesIT {

    private static final String CLOSED = "urn:ngsi-ld:ServiceRequest:musterstadt:638344";
    private static final String OPEN = "urn:ngsi-ld:ServiceRequest:musterstadt:638349";

    private JdbcStore store;

    @BeforeEach
    void openStore() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = JdbcStore.open(database, Duration.ofHours(24));
    }

    @Test
    void requestsBecomeServiceRequestEntitiesAndAStatusChangeIsANewObservation() throws Exception {
        try (LoopbackGeoReport server = new LoopbackGeoReport().services(sample("get-services-response.json"))
                .requests(sample("get-requests-response.json"));
             CamelContext context = start("musterstadt", server, "json", "")) {
            awaitTrue(() -> store.reads().entity("musterstadt", OPEN).isPresent()
                    && store.reads().entity("musterstadt", CLOSED).isPresent());
            JsonNode closed = entity(CLOSED);
            assertEquals("ServiceRequest", closed.at("/type").asText());
            assertEquals("638344", closed.at("/service_request_id/value").asText());
            assertEquals("closed", closed.at("/status/value").asText());
            assertEquals("Duplicate request.", closed.at("/status_notes/value").asText());
            assertEquals("Sidewalk and Curb Issues", closed.at("/service_name/value").asText());
            assertEquals("6", closed.at("/service_code/value").asText());
            assertEquals("2010-04-15T06:37:38-08:00", closed.at("/expected_datetime/value").asText());
            assertEquals("8TH AVE and JUDAH ST", closed.at("/address/value").asText());
            assertEquals("94122", closed.at("/zipcode/value").asText());
            assertEquals(-122.4651145, closed.at("/location/value/coordinates/0").asDouble());
            assertEquals(37.762221815, closed.at("/location/value/coordinates/1").asDouble());
            assertTrue(closed.at("/description").isMissingNode(), "a null field is no property");
            assertEquals("open", entity(OPEN).at("/status/value").asText());

            server.requests(sample("get-requests-updated.json"));
            awaitTrue(() -> "closed".equals(entity(OPEN).at("/status/value").asText()));
            awaitTrue(() -> server.queries.stream().anyMatch(q -> q != null && q.contains("updated_after=2010-04-21T09%3A12%3A00-08%3A00")));

            assertEquals(List.of("closed", "open"), values(OPEN, "status"), "each status change is kept");
            assertEquals(List.of("closed"), values(CLOSED, "status"), "an unchanged request is stored once");
            assertEquals("Curb repaired.", entity(OPEN).at("/status_notes/value").asText());
        }
    }

    @Test
    void aSubmittedRequestIsPostedAsAFormWithTheApiKeyAndAnswersItsId() throws Exception {
        try (LoopbackGeoReport server = new LoopbackGeoReport()
                .submitted("[{\"service_request_id\":293944,\"service_notice\":null}]".getBytes(StandardCharsets.UTF_8));
             CamelContext context = start("musterstadt", server, "json", "kreis-a")) {
            Object id = context.createProducerTemplate().requestBody(Open311Routes.SUBMIT_ENDPOINT, Map.of(
                    "service_code", "006", "lat", "51.9607", "long", "7.6261", "description", "Gehweg abgesackt & Stolperfalle"));

            assertEquals("293944", id);
            assertEquals(1, server.posts.size());
            String post = server.posts.get(0);
            assertTrue(post.startsWith("application/x-www-form-urlencoded "), post);
            Map<String, String> form = form(post.substring(post.indexOf(' ') + 1));
            assertEquals(Map.of("jurisdiction_id", "kreis-a", "api_key", "secret-key", "service_code", "006", "lat", "51.9607",
                    "long", "7.6261", "description", "Gehweg abgesackt & Stolperfalle"), form);

            CamelExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                    () -> context.createProducerTemplate().requestBody(Open311Routes.SUBMIT_ENDPOINT, Map.of("description", "x")));
            assertTrue(refused.getCause() instanceof IllegalArgumentException, String.valueOf(refused.getCause()));
            assertEquals(1, server.posts.size(), "an invalid request is not sent");
        }
    }

    @Test
    void twoTenantsAgainstTwoServersNeverSeeEachOthersRequests() throws Exception {
        byte[] other = """
                <?xml version="1.0" encoding="utf-8"?>
                <service_requests><request><service_request_id>4711</service_request_id><status>open</status>
                <service_code>12</service_code><updated_datetime>2026-11-02T08:00:00+01:00</updated_datetime>
                <lat>52.28</lat><long>8.05</long></request></service_requests>
                """.getBytes(StandardCharsets.UTF_8);
        try (LoopbackGeoReport first = new LoopbackGeoReport().requests(sample("get-requests-response.json"));
             LoopbackGeoReport second = new LoopbackGeoReport().requests(other)
                     .services("<services><service><service_code>12</service_code><service_name>Schlagloch</service_name></service></services>"
                             .getBytes(StandardCharsets.UTF_8));
             CamelContext a = start("musterstadt", first, "json", "");
             CamelContext b = start("beispieldorf", second, "xml", "")) {
            String pothole = "urn:ngsi-ld:ServiceRequest:beispieldorf:4711";
            awaitTrue(() -> store.reads().entity("beispieldorf", pothole).isPresent()
                    && store.reads().entity("musterstadt", OPEN).isPresent());
            assertEquals("Schlagloch", new ObjectMapper().readTree(store.reads().entity("beispieldorf", pothole).orElseThrow()
                    .normalized()).at("/service_name/value").asText(), "a missing name comes from the services list");

            assertEquals(List.of(pothole), entityIds("beispieldorf"));
            assertEquals(List.of(CLOSED, OPEN), entityIds("musterstadt"));
            assertFalse(store.reads().entity("musterstadt", pothole).isPresent());
        }
    }

    @Test
    void anErrorAnHtmlPageAndNoServerAreFailedPullsAndTheUnreadableAnswerIsADeadLetter() throws Exception {
        try (LoopbackGeoReport server = new LoopbackGeoReport().status(500)) {
            Open311Routes routes = new Open311Routes(config("musterstadt", server.endpoint(), "json", ""), new StoreDataLayer(store));
            try (CamelContext context = start("musterstadt", routes)) {
                awaitTrue(() -> routes.failedPulls() >= 1);
                server.status(200).requests("<html><body>Wartung</body></html>".getBytes(StandardCharsets.UTF_8));
                awaitTrue(() -> !store.reads().deadLetters("musterstadt", 10).isEmpty());
                DeadLetter letter = store.reads().deadLetters("musterstadt", 10).get(0);
                assertEquals(server.endpoint() + ": not JSON: '<html><body>Wartung</body></html>'", letter.reason());
                assertEquals("kdn-open311.musterstadt", letter.adapter());
                awaitTrue(() -> routes.failedPulls() >= 2);
            }
        }
        Open311Routes unreachable = new Open311Routes(config("musterstadt", "http://127.0.0.1:9/open311/v2", "json", ""),
                new StoreDataLayer(store));
        try (CamelContext context = start("musterstadt", unreachable)) {
            awaitTrue(() -> unreachable.failedPulls() >= 1);
        }
    }

    @Test
    void aBadRecordIsADeadLetterWithItsReasonAndTheOthersAreStored() throws Exception {
        byte[] body = "[{\"status\":\"open\"},{\"service_request_id\":\"9\",\"updated_datetime\":\"gestern\"},{\"service_request_id\":\"10\",\"status\":\"open\"}]"
                .getBytes(StandardCharsets.UTF_8);
        try (LoopbackGeoReport server = new LoopbackGeoReport().requests(body);
             CamelContext context = start("musterstadt", server, "json", "")) {
            awaitTrue(() -> store.reads().deadLetters("musterstadt", 10).size() == 2);
            List<String> reasons = store.reads().deadLetters("musterstadt", 10).stream().map(DeadLetter::reason).sorted().toList();
            assertEquals(List.of("request 9: 'gestern' is not an ISO 8601 date and time with offset",
                    "request without service_request_id"), reasons);
            // the good record comes after the bad ones in the answer
            awaitTrue(() -> store.reads().entity("musterstadt", "urn:ngsi-ld:ServiceRequest:musterstadt:10").isPresent());
        }
    }

    private CamelContext start(String tenant, LoopbackGeoReport server, String format, String jurisdiction) throws Exception {
        return start(tenant, new Open311Routes(config(tenant, server.endpoint(), format, jurisdiction), new StoreDataLayer(store)));
    }

    private static CamelContext start(String tenant, Open311Routes routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("kdn-open311." + tenant);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    private JsonNode entity(String urn) throws Exception {
        return new ObjectMapper().readTree(store.reads().entity("musterstadt", urn).orElseThrow().normalized());
    }

    private List<String> values(String urn, String attribute) throws Exception {
        return store.reads().latestObservations("musterstadt", urn, 1000).stream()
                .filter(o -> o.attribute().equals(attribute)).map(o -> String.valueOf(o.value())).toList();
    }

    private List<String> entityIds(String tenant) throws Exception {
        return store.reads().latestObservations(tenant, null, 1000).stream().map(StoredObservation::entityId)
                .distinct().sorted().toList();
    }

    private static Map<String, String> form(String body) {
        return java.util.Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> java.net.URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain");
            }
            Thread.sleep(100);
        }
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = Open311RoutesIT.class.getResourceAsStream("/open311/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Open311Config config(String tenant, String endpoint, String format, String jurisdiction) {
        return new TestOpen311Config(tenant, endpoint, jurisdiction, "secret-key", "", format, 1);
    }
}
