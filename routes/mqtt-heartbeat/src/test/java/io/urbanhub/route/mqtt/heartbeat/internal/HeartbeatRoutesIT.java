package io.urbanhub.route.mqtt.heartbeat.internal;

import static io.urbanhub.route.mqtt.heartbeat.internal.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.testing.RestartableMqttBroker;
import io.urbanhub.testing.TestCertificates;
import io.urbanhub.testing.TestMqttBroker;

class HeartbeatRoutesIT {

    @Test
    void heartbeatsTravelThroughTheBrokerAndComeBackInOrder() throws Exception {
        String topic = "urbanhub/test/heartbeat/" + UUID.randomUUID();
        try (TestMqttBroker broker = TestMqttBroker.start(); CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("mqtt-heartbeat.it");
            context.addRoutes(new HeartbeatRoutes(config(broker.url(), topic, 200, 1)));
            List<Exchange> returned = new CopyOnWriteArrayList<>();
            context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    Exchange exchange = ((ExchangeCompletedEvent) event).getExchange();
                    if ("receive".equals(exchange.getFromRouteId())) {
                        returned.add(exchange);
                    }
                }

                @Override
                public boolean isEnabled(CamelEvent event) {
                    return event instanceof ExchangeCompletedEvent;
                }
            });
            NotifyBuilder threeBack = new NotifyBuilder(context).fromRoute("receive").whenCompleted(3).create();
            context.start();

            assertTrue(threeBack.matches(20, TimeUnit.SECONDS), "three heartbeats came back through " + broker.url());
            for (int i = 0; i < 3; i++) {
                Exchange exchange = returned.get(i);
                Heartbeat heartbeat = exchange.getMessage().getBody(Heartbeat.class);
                assertEquals("mqtt-heartbeat.it", heartbeat.instance());
                assertEquals(i + 1L, heartbeat.sequence());
                long roundTrip = exchange.getMessage().getHeader(HeartbeatRoutes.ROUND_TRIP, Long.class);
                assertTrue(roundTrip >= 0 && roundTrip < 10_000, "round trip of " + roundTrip + " ms");
            }
        }
    }

    @Test
    void heartbeatsGoThroughABrokerThatTakesOnlyTlsWithAClientCertificate(@TempDir Path folder) throws Exception {
        assumeTrue(RestartableMqttBroker.mosquittoInstalled(), "the TLS broker of this test is a Mosquitto");
        TestCertificates certificates = TestCertificates.create(folder);
        try (RestartableMqttBroker broker = RestartableMqttBroker.startTls(folder.resolve("broker"), certificates);
             CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("mqtt-heartbeat.tls");
            context.addRoutes(new HeartbeatRoutes(config(Map.of("brokerUrl", broker.url(),
                    "topic", "urbanhub/test/heartbeat/" + UUID.randomUUID(), "periodMillis", 200L, "qos", 1,
                    "trustStore", certificates.trustStore().toString(), "trustStorePassword", TestCertificates.PASSWORD,
                    "keyStore", certificates.clientKeyStore().toString(), "keyStorePassword", TestCertificates.PASSWORD))));
            NotifyBuilder twoBack = new NotifyBuilder(context).fromRoute("receive").whenCompleted(2).create();
            context.start();

            assertTrue(twoBack.matches(20, TimeUnit.SECONDS), "two heartbeats came back through " + broker.url());
        }
    }
}
