package io.urbanhub.distribution;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A LoRaWAN network server's MQTT integration under load: publishes at QoS 1 without waiting for each
 * acknowledgement, and counts the acknowledgements, which say what the broker took.
 */
final class NetworkServer implements AutoCloseable {

    private static final int IN_FLIGHT = 2_000;

    private final MqttAsyncClient client;
    private final String application;
    private final AtomicLong acknowledged = new AtomicLong();

    NetworkServer(String brokerUrl, String application) throws Exception {
        this.application = application;
        client = new MqttAsyncClient(brokerUrl, "network-server-" + application, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                acknowledged.incrementAndGet();
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(IN_FLIGHT);
        client.connect(options).waitForCompletion(10_000);
    }

    /** A ChirpStack v4 uplink event of an LHT65 sensor. */
    void publish(String devEui, long frameCounter) throws Exception {
        publish("application/" + application + "/device/" + devEui + "/event/up",
                NetworkServerUplinks.chirpStack(devEui, 2, NetworkServerUplinks.LHT65_VECTOR, frameCounter));
    }

    void publish(String topic, byte[] payload) throws Exception {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message);
    }

    /** Waits up to 30 s for the broker to acknowledge that many; returns how many it did. */
    long awaitAcknowledged(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return acknowledged.get();
    }

    @Override
    public void close() throws Exception {
        client.disconnect().waitForCompletion(10_000);
        client.close();
    }
}
