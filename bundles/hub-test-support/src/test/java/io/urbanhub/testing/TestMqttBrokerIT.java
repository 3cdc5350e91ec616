package io.urbanhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

class TestMqttBrokerIT {

    @Test
    void deliversAMessageThroughTheLocalOrEmbeddedBroker() throws Exception {
        try (TestMqttBroker broker = TestMqttBroker.start()) {
            assertRoundTrip(broker);
        }
    }

    @Test
    void embeddedBrokerDeliversAMessageWhenForced() throws Exception {
        System.setProperty(LocalService.FORCE_EMBEDDED, "true");
        try (TestMqttBroker broker = TestMqttBroker.start()) {
            assertTrue(broker.isEmbedded());
            assertRoundTrip(broker);
        } finally {
            System.clearProperty(LocalService.FORCE_EMBEDDED);
        }
    }

    private static void assertRoundTrip(TestMqttBroker broker) throws Exception {
        String topic = "urbanhub/test/" + UUID.randomUUID();
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        MqttClient client = new MqttClient(broker.url(), MqttClient.generateClientId(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        try {
            client.subscribe(topic, 1, (t, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            client.publish(topic, "ping".getBytes(StandardCharsets.UTF_8), 1, false);
            assertEquals("ping", received.poll(10, TimeUnit.SECONDS));
        } finally {
            // a broker that dropped the client must not hide the assertion above
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close(true);
        }
    }
}
