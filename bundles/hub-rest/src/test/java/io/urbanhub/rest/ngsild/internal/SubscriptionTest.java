package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;

class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static String subscription(String entities, String extra, String uri) {
        return "{\"type\":\"Subscription\"," + entities + extra
                + "\"notification\":{\"endpoint\":{\"uri\":\"" + uri + "\"}}}";
    }

    /** A request body as the resources read it. */
    static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    static Observation reading(String tenant, String room, double celsius) {
        return new Observation(new EntityId("IndoorEnvironmentObserved", tenant, room), NOW,
                Map.of("temperature", Property.of(celsius, UnitCodes.DEGREE_CELSIUS)), null,
                new Source("lorawan-chirpstack.test", "chirpstack", room, null));
    }

    private static Subscription parse(String json) {
        return Subscription.parse("musterstadt", json, "urn:ngsi-ld:Subscription:generated");
    }

    @Test
    void watchesEntitiesOfATypeWhoseNewValuesMeetTheQuery() {
        Subscription warm = parse(subscription("\"entities\":[{\"type\":\"IndoorEnvironmentObserved\","
                + "\"idPattern\":\".*:cold-room-.*\"}],", "\"q\":\"temperature>8\",", "http://127.0.0.1:9/alerts"));

        assertEquals("urn:ngsi-ld:Subscription:generated", warm.id());
        assertTrue(warm.wants(reading("musterstadt", "cold-room-1", 9.5), NOW));
        assertFalse(warm.wants(reading("musterstadt", "cold-room-1", 4.0), NOW), "q not met");
        assertFalse(warm.wants(reading("musterstadt", "office-1", 9.5), NOW), "idPattern not met");
        assertFalse(warm.wants(reading("nachbarstadt", "cold-room-1", 9.5), NOW), "other tenant");
    }

    @Test
    void watchedAttributesAloneSelectAnyEntityThatChangesOneOfThem() {
        Subscription temperatures = parse(subscription("", "\"watchedAttributes\":[\"temperature\"],", "http://127.0.0.1:9/t"));
        Subscription levels = parse(subscription("", "\"watchedAttributes\":[\"waterLevel\"],", "http://127.0.0.1:9/t"));

        assertTrue(temperatures.wants(reading("musterstadt", "any", 1.0), NOW));
        assertFalse(levels.wants(reading("musterstadt", "any", 1.0), NOW));
    }

    @Test
    void aPausedOrExpiredSubscriptionWantsNothing() {
        String entities = "\"entities\":[{\"type\":\"IndoorEnvironmentObserved\"}],";
        Subscription paused = parse(subscription(entities, "\"isActive\":false,", "http://127.0.0.1:9/t"));
        Subscription expired = parse(subscription(entities, "\"expiresAt\":\"2026-11-27T09:00:00Z\",", "http://127.0.0.1:9/t"));

        assertFalse(paused.wants(reading("musterstadt", "r", 1.0), NOW));
        assertFalse(expired.wants(reading("musterstadt", "r", 1.0), NOW));
        assertEquals("paused", paused.render(new DeliveryStatus().snapshot(), NOW).get("status").asText());
        assertEquals("expired", expired.render(new DeliveryStatus().snapshot(), NOW).get("status").asText());
    }

    @Test
    void invalidSubscriptionsAreRefusedWithTheReason() {
        String entities = "\"entities\":[{\"type\":\"IndoorEnvironmentObserved\"}],";
        assertRefused("{\"type\":\"Subscription\"", "not JSON");
        assertRefused("{\"type\":\"Entity\",\"notification\":{}}", "type must be");
        assertRefused(subscription("", "", "http://127.0.0.1:9/t"), "entities or watchedAttributes");
        assertRefused("{\"type\":\"Subscription\"," + entities + "\"notification\":{}}", "endpoint.uri is required");
        assertRefused(subscription(entities, "", "ftp://127.0.0.1/t"), "http, https, mqtt or mqtts");
        assertRefused(subscription(entities, "", "mqtt://127.0.0.1:1883"), "topic");
        assertRefused(subscription(entities, "\"q\":\"temperature>>1\",", "http://127.0.0.1:9/t"), "");
        assertRefused(subscription(entities, "\"throttling\":-5,", "http://127.0.0.1:9/t"), "throttling");
        assertRefused(subscription(entities, "\"expiresAt\":\"tomorrow\",", "http://127.0.0.1:9/t"), "expiresAt");
        assertRefused(subscription("\"entities\":[{\"idPattern\":\".*\"}],", "", "http://127.0.0.1:9/t"), "needs a type");
        assertRefused(subscription("\"entities\":[{\"type\":\"T\",\"idPattern\":\"([\"}],", "", "http://127.0.0.1:9/t"),
                "idPattern");
        assertRefused(subscription(entities, "\"id\":\"not a uri\",", "http://127.0.0.1:9/t"), "id");
    }

    @Test
    void aPatchChangesTheGivenFieldsAndKeepsTheRest() {
        Subscription original = parse(subscription("\"entities\":[{\"type\":\"IndoorEnvironmentObserved\"}],",
                "\"q\":\"temperature>8\",", "http://127.0.0.1:9/t"));

        Subscription patched = original.patched("{\"q\":\"temperature>20\",\"notification\":{\"format\":\"keyValues\"}}");

        assertEquals(original.id(), patched.id());
        assertFalse(patched.wants(reading("musterstadt", "r", 9.0), NOW));
        assertTrue(patched.wants(reading("musterstadt", "r", 21.0), NOW));
        assertTrue(patched.keyValues());
        assertEquals("http://127.0.0.1:9/t", patched.endpoint().toString(), "the endpoint is kept");
        assertThrows(IllegalArgumentException.class, () -> original.patched("{\"throttling\":\"often\"}"));
    }

    @Test
    void theRenderedSubscriptionShowsDeliveryButNotTheBrokerPassword() {
        Subscription viaMqtt = parse(subscription("\"entities\":[{\"type\":\"IndoorEnvironmentObserved\"}],", "",
                "mqtt://hub:s3cret@127.0.0.1:1883/musterstadt/alerts"));
        DeliveryStatus status = new DeliveryStatus();
        status.claimTurn(NOW, 0);
        status.attempted();
        status.failed(NOW, "connection refused");

        ObjectNode rendered = viaMqtt.render(status.snapshot(), NOW);

        assertEquals("mqtt://hub:***@127.0.0.1:1883/musterstadt/alerts",
                rendered.at("/notification/endpoint/uri").asText());
        assertEquals(1, rendered.at("/notification/timesFailed").asInt());
        assertEquals("failed", rendered.at("/notification/status").asText());
        assertEquals(NOW.toString(), rendered.at("/notification/lastFailure").asText());
        assertEquals("active", rendered.get("status").asText());
        assertTrue(viaMqtt.document().contains("s3cret"), "the stored document keeps what the hub needs to connect");
    }

    private static void assertRefused(String json, String reason) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void anIdPatternThatCouldBacktrackForAgesIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> parse(subscription(
                "\"entities\":[{\"type\":\"IndoorEnvironmentObserved\",\"idPattern\":\"(a|aa)*\"}],", "", "http://127.0.0.1:9/alerts")));
        assertTrue(refused.getMessage().startsWith("idPattern"), refused.getMessage());
        Subscription patched = parse(subscription("\"entities\":[{\"type\":\"IndoorEnvironmentObserved\"}],", "",
                "http://127.0.0.1:9/alerts"));
        assertThrows(IllegalArgumentException.class, () -> patched.patched(
                "{\"entities\":[{\"type\":\"IndoorEnvironmentObserved\",\"idPattern\":\"(.*)*\"}]}"));
    }
}
