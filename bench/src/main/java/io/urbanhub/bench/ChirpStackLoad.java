package io.urbanhub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A ChirpStack v4 network server as the hub sees one: uplink events of the pilot devices on
 * {@code application/<id>/device/<devEui>/event/up}, uplink {@code n} from device {@code n % devices} with frame
 * counter {@code n / devices + 1}. A configurable share of them is published twice, as a second gateway's copy
 * that a redundant network server passes on, which the hub must store once.
 */
final class ChirpStackLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_IN_FLIGHT = 1000;

    private final MqttAsyncClient client;
    private final String application;
    private final int qos;
    private final List<PilotDevices.Device> devices;
    private final double duplicateShare;
    private final ObjectNode template;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final IMqttActionListener counter = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            acknowledged.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            failed.incrementAndGet();
        }
    };
    private long published;

    ChirpStackLoad(String brokerUrl, String application, int qos, List<PilotDevices.Device> devices, double duplicateShare)
            throws MqttException, IOException {
        this.application = application;
        this.qos = qos;
        this.devices = devices;
        this.duplicateShare = duplicateShare;
        try (InputStream sample = ChirpStackLoad.class.getResourceAsStream("/uplink-event.json")) {
            template = (ObjectNode) JSON.readTree(sample);
        }
        client = new MqttAsyncClient(brokerUrl, "bench-ns-" + application, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(MAX_IN_FLIGHT);
        client.connect(options).waitForCompletion(10_000);
    }

    /** Publishes uplink {@code n} (and maybe its duplicate); the time it left, as {@link System#nanoTime()}. */
    long publish(long n) throws MqttException, InterruptedException {
        PilotDevices.Device device = devices.get((int) (n % devices.size()));
        long frame = frameCounter(n);
        ObjectNode event = template.deepCopy();
        ((ObjectNode) event.get("deviceInfo")).put("devEui", device.devEui());
        event.put("fPort", device.type().port());
        event.put("fCnt", frame);
        event.put("data", Base64.getEncoder().encodeToString(device.type().payload()));
        event.put("time", Instant.now().toString());
        byte[] payload = event.toString().getBytes(StandardCharsets.UTF_8);
        String topic = "application/" + application + "/device/" + device.devEui() + "/event/up";
        long sentAt = System.nanoTime();
        send(topic, payload);
        // every k-th uplink again: the share is met exactly over any run
        if (duplicateShare > 0 && Math.floor((n + 1) * duplicateShare) > Math.floor(n * duplicateShare)) {
            send(topic, payload);
        }
        return sentAt;
    }

    private void send(String topic, byte[] payload) throws MqttException, InterruptedException {
        while (true) {
            try {
                client.publish(topic, payload, qos, false, null, counter);
                published++;
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                // the broker has not acknowledged the window yet
                TimeUnit.MICROSECONDS.sleep(200);
            }
        }
    }

    String devEui(long n) {
        return devices.get((int) (n % devices.size())).devEui();
    }

    long frameCounter(long n) {
        return n / devices.size() + 1;
    }

    /** Messages handed to the client, duplicates included. */
    long published() {
        return published;
    }

    /** Waits until the broker took every message (QoS 1) or the client sent it (QoS 0). */
    long awaitAcknowledged(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (acknowledged.get() + failed.get() < published && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " uplinks were not published");
        }
        return acknowledged.get();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
