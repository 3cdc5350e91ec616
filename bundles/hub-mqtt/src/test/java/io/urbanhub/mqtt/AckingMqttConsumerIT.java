package io.urbanhub.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.urbanhub.testing.TestMqttBroker;

/** Through a real broker: what the route fails on comes again, and what arrives while the consumer is away waits for it. */
class AckingMqttConsumerIT {

    private static TestMqttBroker broker;

    private final String topic = "urbanhub/it/" + UUID.randomUUID();
    private final String clientId = "hub-mqtt-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeAll
    static void startBroker() {
        broker = TestMqttBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aMessageTheRouteFailsOnComesAgainAndTheOthersAreNotLost() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (CamelContext context = consume(body -> {
            if (body.equals("m-13") && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("the store is away");
            }
        })) {
            publish(0, 50);
            awaitHandled(50);
        }
        assertTrue(failedOnce.get());
        assertTrue(attempts.get() > 50, "m-13 and what was open with it came again: " + attempts.get());
    }

    @Test
    void whatIsPublishedWhileTheConsumerIsStoppedArrivesWhenItStartsAgain() throws Exception {
        try (CamelContext context = consume(body -> { })) {
            publish(0, 20);
            awaitHandled(20);
        }
        publish(20, 40);
        try (CamelContext context = consume(body -> { })) {
            awaitHandled(40);
        }
        assertEquals(40, handled.size());
    }

    @Test
    void stoppingWhileMessagesFlowLosesNoneOfThem() throws Exception {
        Thread publisher = new Thread(() -> {
            try {
                publish(0, 400);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (CamelContext context = consume(body -> Thread.sleep(2))) {
            publisher.start();
            while (handled.size() < 50) {
                Thread.sleep(5);
            }
        }
        publisher.join();
        try (CamelContext context = consume(body -> { })) {
            awaitHandled(400);
        }
        assertEquals(400, handled.size());
    }

    private interface Handling {
        void handle(String body) throws Exception;
    }

    private CamelContext consume(Handling handling) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent(AckingMqttComponent.SCHEME, new AckingMqttComponent());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(AckingMqttComponent.SCHEME + ":" + topic + "?brokerUrl=" + broker.url() + "&clientId=" + clientId
                        + "&concurrentConsumers=4")
                        .process(exchange -> {
                            String body = new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
                            attempts.incrementAndGet();
                            handling.handle(body);
                            handled.add(body);
                        });
            }
        });
        context.start();
        return context;
    }

    private void publish(int from, int to) throws Exception {
        MqttClient publisher = new MqttClient(broker.url(), "publisher-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        publisher.connect(options);
        try {
            for (int n = from; n < to; n++) {
                publisher.publish(topic, ("m-" + n).getBytes(StandardCharsets.UTF_8), 1, false);
            }
        } finally {
            publisher.disconnect();
            publisher.close();
        }
    }

    private void awaitHandled(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (handled.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("handled " + handled.size() + " of " + count);
            }
            Thread.sleep(50);
        }
    }
}
