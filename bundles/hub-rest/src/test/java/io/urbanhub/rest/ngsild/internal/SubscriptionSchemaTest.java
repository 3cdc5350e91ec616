package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.urbanhub.rest.security.internal.TestCallers;
import io.urbanhub.api.notify.StoredSubscription;
import io.urbanhub.api.notify.SubscriptionStore;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;

/** Subscriptions and notifications as the hub writes them, checked against ETSI's schemas. */
class SubscriptionSchemaTest {

    private static final String ENTITY = "urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-1";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final Map<String, StoredSubscription> kept = new ConcurrentHashMap<>();
    private final SubscriptionService service = new SubscriptionService(new SubscriptionStore() {
        @Override
        public void save(StoredSubscription subscription) {
            kept.put(subscription.id(), subscription);
        }

        @Override
        public boolean delete(String tenant, String id) {
            return kept.remove(id) != null;
        }

        @Override
        public List<StoredSubscription> all() {
            return List.copyOf(kept.values());
        }
    }, new EntityQueries() {
        @Override
        public java.util.Optional<EntityState> byId(String tenant, String entityId) {
            return java.util.Optional.empty();
        }

        @Override
        public Page<EntityState> find(String tenant, EntityFilter filter, int offset, int limit, boolean count) {
            return new Page<>(List.of(), -1);
        }

        @Override
        public List<String> types(String tenant) {
            return List.of();
        }

        @Override
        public List<String> attributes(String tenant) {
            return List.of();
        }
    });
    private final SubscriptionsResource resource = new SubscriptionsResource(service, new NgsiLdRequests("", tenant -> true, TestCallers.OPERATOR));

    @AfterEach
    void stop() {
        service.deactivate();
    }

    @Test
    void subscriptionsAsTheApiAnswersThemConform() throws Exception {
        Response created = resource.create(SubscriptionTest.body("{\"type\":\"Subscription\",\"subscriptionName\":\"warm cold rooms\","
                + "\"entities\":[{\"type\":\"IndoorEnvironmentObserved\",\"idPattern\":\".*cold-room.*\"}],"
                + "\"watchedAttributes\":[\"temperature\"],\"q\":\"temperature>8\",\"throttling\":60,"
                + "\"notification\":{\"attributes\":[\"temperature\"],\"format\":\"keyValues\","
                + "\"endpoint\":{\"uri\":\"http://127.0.0.1:9/alerts\",\"accept\":\"application/json\"}}}"), "musterstadt");
        assertEquals(201, created.getStatus());
        String id = created.getLocation().toString().replaceAll(".*/subscriptions/", "");

        for (String accept : new String[] {"application/json", "application/ld+json"}) {
            assertConforms(NgsiLdSchemas.SUBSCRIPTION, (String) resource.get(id, "musterstadt", accept).getEntity());
            assertConforms(NgsiLdSchemas.SUBSCRIPTION_LIST, (String) resource.list(20, 0, false, "musterstadt", accept).getEntity());
        }
    }

    @Test
    void notificationsConform() throws Exception {
        Subscription subscription = Subscription.parse("musterstadt", "{\"type\":\"Subscription\",\"entities\":"
                + "[{\"type\":\"IndoorEnvironmentObserved\"}],\"notification\":{\"endpoint\":{\"uri\":\"http://127.0.0.1:9/n\"}}}",
                "urn:ngsi-ld:Subscription:s1");
        EntityState state = new EntityState(ENTITY, "IndoorEnvironmentObserved", NOW, "{\"id\":\"" + ENTITY + "\","
                + "\"type\":\"IndoorEnvironmentObserved\",\"temperature\":{\"type\":\"Property\",\"value\":9.5,"
                + "\"unitCode\":\"CEL\",\"observedAt\":\"2026-11-27T10:00:00Z\"},\"location\":{\"type\":\"GeoProperty\","
                + "\"value\":{\"type\":\"Point\",\"coordinates\":[7.62,51.96]}},\"@context\":[\""
                + NgsiLdRepresentation.CORE_CONTEXT + "\"]}");

        assertConforms(NgsiLdSchemas.NOTIFICATION, SubscriptionService.notification(subscription, state, NOW).toString());
    }

    @Test
    void theSchemaRefusesASubscriptionWithoutNotification() {
        assertFalse(NgsiLdSchemas.violations(NgsiLdSchemas.SUBSCRIPTION,
                "{\"id\":\"urn:ngsi-ld:Subscription:x\",\"type\":\"Subscription\",\"entities\":[{\"type\":\"T\"}]}").isEmpty());
    }

    private static void assertConforms(String schema, String json) throws Exception {
        assertEquals(List.of(), NgsiLdSchemas.violations(schema, NgsiLdSchemas.withoutUnitCodes(json)), json);
    }
}
