package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.notify.StoredSubscription;
import io.urbanhub.api.notify.SubscriptionStore;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;
import io.urbanhub.testing.TestMqttBroker;

/** Notifications to a real HTTP endpoint and through a real MQTT broker. */
class SubscriptionServiceIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TENANT = "musterstadt";

    private final Map<String, StoredSubscription> saved = new ConcurrentHashMap<>();
    private final SubscriptionStore store = new SubscriptionStore() {
        @Override
        public void save(StoredSubscription subscription) {
            saved.put(subscription.id(), subscription);
        }

        @Override
        public boolean delete(String tenant, String id) {
            return saved.remove(id) != null;
        }

        @Override
        public List<StoredSubscription> all() {
            return List.copyOf(saved.values());
        }
    };
    /** The entity state the data layer would return: the stored observation, as its NGSI-LD. */
    private final EntityQueries entities = new EntityQueries() {
        @Override
        public Optional<EntityState> byId(String tenant, String entityId) {
            return Optional.of(new EntityState(entityId, "IndoorEnvironmentObserved", java.time.Instant.EPOCH,
                    "{\"id\":\"" + entityId + "\",\"type\":\"IndoorEnvironmentObserved\",\"temperature\":{\"type\":"
                            + "\"Property\",\"value\":9.5,\"unitCode\":\"CEL\"},\"@context\":[\""
                            + NgsiLdRepresentation.CORE_CONTEXT + "\"]}"));
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
    };

    private HttpServer subscriber;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> tenants = new LinkedBlockingQueue<>();
    private volatile int answer = 204;
    private final CountDownLatch releaseSlowSubscriber = new CountDownLatch(1);
    private SubscriptionService service;

    @BeforeEach
    void startSubscriber() throws IOException {
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/notify", exchange -> {
            // the tenant first: the test reads it once it has the notification
            tenants.add(exchange.getRequestHeaders().getFirst("NGSILD-Tenant"));
            received.add(MAPPER.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        subscriber.createContext("/slow", exchange -> {
            try {
                releaseSlowSubscriber.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        subscriber.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        subscriber.start();
        service = new SubscriptionService(store, entities, Clock.systemUTC(), Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        releaseSlowSubscriber.countDown();
        service.deactivate();
        subscriber.stop(0);
    }

    private String endpoint(String path) {
        return "http://127.0.0.1:" + subscriber.getAddress().getPort() + path;
    }

    private static String coldRooms(String extra, String uri) {
        return SubscriptionTest.subscription("\"entities\":[{\"type\":\"IndoorEnvironmentObserved\"}],", extra, uri);
    }

    @Test
    void anHttpSubscriberReceivesTheEntityWhenItsValuesMeetTheQuery() throws Exception {
        String id = service.create(TENANT, coldRooms("\"q\":\"temperature>8\",", endpoint("/notify"))).get("id").asText();

        service.stored(SubscriptionTest.reading(TENANT, "cold-room-1", 4.0));
        service.stored(SubscriptionTest.reading(TENANT, "cold-room-1", 9.5));

        JsonNode notification = received.poll(10, TimeUnit.SECONDS);
        assertEquals("Notification", notification.get("type").asText());
        assertEquals(id, notification.get("subscriptionId").asText());
        assertEquals(9.5, notification.at("/data/0/temperature/value").asDouble());
        assertEquals(TENANT, tenants.poll());
        awaitStatus(id, "ok");
        assertEquals(null, received.poll(300, TimeUnit.MILLISECONDS), "the reading below the threshold is not news");
        assertTrue(saved.containsKey(id), "the subscription is kept in the store");
    }

    @Test
    void anMqttSubscriberReceivesTheNotificationOnItsTopic() throws Exception {
        try (TestMqttBroker broker = TestMqttBroker.start()) {
            String topic = "urbanhub-test/" + System.nanoTime() + "/alerts";
            MqttClient listener = new MqttClient(broker.url(), "subscriber-" + System.nanoTime(), new MemoryPersistence());
            listener.connect();
            BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
            listener.subscribe(topic, 1, (t, message) -> messages.add(MAPPER.readTree(message.getPayload())));
            try {
                String uri = broker.url().replace("tcp://", "mqtt://") + "/" + topic;
                service.create(TENANT, "{\"type\":\"Subscription\",\"entities\":[{\"type\":\"IndoorEnvironmentObserved\"}],"
                        + "\"notification\":{\"format\":\"keyValues\",\"endpoint\":{\"uri\":\"" + uri + "\"}}}");

                service.stored(SubscriptionTest.reading(TENANT, "cold-room-1", 9.5));

                JsonNode message = messages.poll(10, TimeUnit.SECONDS);
                assertEquals("application/json", message.at("/metadata/Content-Type").asText());
                assertEquals(9.5, message.at("/body/data/0/temperature").asDouble(), "keyValues: the bare value");
            } finally {
                listener.disconnect();
                listener.close();
            }
        }
    }

    @Test
    void aFailingSubscriberIsRetriedWithBackoffAndTheSubscriptionShowsIt() throws Exception {
        answer = 503;
        String id = service.create(TENANT, coldRooms("", endpoint("/notify"))).get("id").asText();

        service.stored(SubscriptionTest.reading(TENANT, "cold-room-1", 9.5));

        for (int attempt = 1; attempt <= SubscriptionService.MAX_ATTEMPTS; attempt++) {
            assertTrue(received.poll(10, TimeUnit.SECONDS) != null, "attempt " + attempt);
        }
        JsonNode rendered = awaitStatus(id, "failed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (rendered.at("/notification/timesFailed").asInt() < SubscriptionService.MAX_ATTEMPTS && System.nanoTime() < deadline) {
            Thread.sleep(20);
            rendered = service.get(TENANT, id).orElseThrow();
        }
        assertEquals(SubscriptionService.MAX_ATTEMPTS, rendered.at("/notification/timesFailed").asInt());
        assertEquals(SubscriptionService.MAX_ATTEMPTS, rendered.at("/notification/timesSent").asInt());
        assertTrue(rendered.at("/notification/lastFailure").isTextual());
        assertEquals(null, received.poll(500, TimeUnit.MILLISECONDS), "no attempt after the last one");

        answer = 204;
        service.stored(SubscriptionTest.reading(TENANT, "cold-room-1", 9.6));
        assertTrue(received.poll(10, TimeUnit.SECONDS) != null);
        awaitStatus(id, "ok");
    }

    @Test
    void aSubscriberGivenUpOnIsLoggedAndShownWithoutItsCredentials() throws Exception {
        answer = 503;
        String password = "s3cr3t-pw";
        String token = "t0ken-in-query";
        String uri = "http://hub:" + password + "@127.0.0.1:" + subscriber.getAddress().getPort() + "/notify?token=" + token;
        String id = service.create(TENANT, coldRooms("", uri)).get("id").asText();
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            service.stored(SubscriptionTest.reading(TENANT, "cold-room-1", 9.5));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!log.toString(StandardCharsets.UTF_8).contains("Gave up notifying") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("Gave up notifying http://127.0.0.1:" + subscriber.getAddress().getPort() + "/notify of "), logged);
        assertFalse(logged.contains(password), logged);
        assertFalse(logged.contains(token), logged);
        String lastFailure = awaitStatus(id, "failed").at("/notification/lastFailure").toString();
        assertFalse(lastFailure.contains(password) || lastFailure.contains(token), lastFailure);
    }

    @Test
    void throttlingLetsOneNotificationThroughPerPeriod() throws Exception {
        service.create(TENANT, coldRooms("\"throttling\":60,", endpoint("/notify")));

        for (int i = 0; i < 5; i++) {
            service.stored(SubscriptionTest.reading(TENANT, "cold-room-1", 9.0 + i));
        }

        assertTrue(received.poll(10, TimeUnit.SECONDS) != null);
        assertEquals(null, received.poll(500, TimeUnit.MILLISECONDS), "the other four fall into the period");
    }

    @Test
    void aHangingSubscriberNeverSlowsTheDataLayer() throws Exception {
        service.create(TENANT, coldRooms("", endpoint("/slow")));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < SubscriptionService.QUEUE_CAPACITY * 2; i++) {
                service.stored(SubscriptionTest.reading(TENANT, "cold-room-" + (i % 50), 9.0));
            }
        });
        assertTrue(service.dropped() > 0, "a full queue drops instead of blocking");
    }

    private JsonNode awaitStatus(String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode rendered = service.get(TENANT, id).orElseThrow();
        while (!status.equals(rendered.at("/notification/status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            rendered = service.get(TENANT, id).orElseThrow();
        }
        assertEquals(status, rendered.at("/notification/status").asText(), rendered.toString());
        return rendered;
    }
}
