package io.urbanhub.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The broker's limit on this machine, with no hub: the same uplinks from the load generator to a Paho subscriber
 * that only counts them, at the same QoS.
 */
final class RawBroker {

    private RawBroker() {
    }

    /** Messages per second from the first publish until the subscriber has them all (or the time is up). */
    static double messagesPerSecond(String brokerUrl, int qos, List<PilotDevices.Device> devices, int messages)
            throws Exception {
        String application = "raw-" + qos + "-" + System.nanoTime();
        MqttAsyncClient subscriber = new MqttAsyncClient(brokerUrl, "bench-raw-sub-" + application, new MemoryPersistence());
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        subscriber.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                all.countDown();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                lastArrival.set(System.nanoTime());
                if (received.incrementAndGet() == messages) {
                    all.countDown();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // a subscriber publishes nothing
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        subscriber.connect(options).waitForCompletion(10_000);
        subscriber.subscribe("application/" + application + "/device/+/event/up", qos).waitForCompletion(10_000);
        try (ChirpStackLoad load = new ChirpStackLoad(brokerUrl, application, qos, devices, 0)) {
            long start = System.nanoTime();
            for (int n = 0; n < messages; n++) {
                load.publish(n);
            }
            // QoS 0 may lose messages under load: what arrived until the stream went quiet counts
            long seen = -1;
            while (!all.await(2, TimeUnit.SECONDS) && received.get() != seen) {
                seen = received.get();
            }
            return received.get() / ((lastArrival.get() - start) / 1e9);
        } finally {
            subscriber.disconnect().waitForCompletion(5_000);
            subscriber.close();
        }
    }
}
