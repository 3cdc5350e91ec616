package io.urbanhub.core.internal.fanout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.model.Observation;
import io.urbanhub.core.internal.NgsiLdJson;

/**
 * Republishes stored observations as normalized NGSI-LD on {@code <prefix>/{tenant}/{type}/{entityId}}.
 * It runs after the durable write on a thread of its own behind a bounded queue: a slow or absent broker
 * drops republications (counted) and never slows the ingest path.
 */
public final class MqttRepublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttRepublisher.class);
    private static final int QUEUE_CAPACITY = 10_000;
    /** Paho reconnects by itself only after a first connection; until then the publisher retries this often. */
    private static final long CONNECT_RETRY_MILLIS = 5_000;

    private final String topicPrefix;
    private final int qos;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final String brokerUrl;
    private long nextConnectAttempt;
    private final BlockingQueue<Observation> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread publisher;
    private volatile boolean running = true;

    public MqttRepublisher(String brokerUrl, String clientId, String username, String password, String topicPrefix, int qos)
            throws MqttException {
        this.topicPrefix = topicPrefix;
        this.qos = qos;
        this.brokerUrl = brokerUrl;
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        if (!username.isEmpty()) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
        publisher = new Thread(this::drain, "hub-republish");
        publisher.setDaemon(true);
        publisher.start();
    }

    public static String topic(String prefix, Observation observation) {
        return prefix + "/" + observation.tenant() + "/" + observation.entity().type() + "/" + observation.entity().urn();
    }

    /** Never blocks: when the queue is full the republication is dropped and counted. */
    public void offer(Observation observation) {
        if (!queue.offer(observation)) {
            dropped.incrementAndGet();
        }
    }

    /** Observations waiting to be republished. */
    public int depth() {
        return queue.size();
    }

    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        while (running) {
            try {
                Observation observation = queue.poll(1, TimeUnit.SECONDS);
                if (observation == null) {
                    continue;
                }
                if (!connected()) {
                    dropped.incrementAndGet();
                    continue;
                }
                client.publish(topic(topicPrefix, observation),
                        NgsiLdJson.entity(observation).getBytes(StandardCharsets.UTF_8), qos, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MqttException | RuntimeException e) {
                dropped.incrementAndGet();
                LOG.debug("Republication failed", e);
            }
        }
    }

    /** Connects on first use and after a failed first attempt; later losses Paho repairs itself. */
    private boolean connected() {
        if (client.isConnected()) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (now < nextConnectAttempt) {
            return false;
        }
        nextConnectAttempt = now + CONNECT_RETRY_MILLIS;
        try {
            client.connect(options).waitForCompletion(CONNECT_RETRY_MILLIS);
            LOG.info("Republishing stored observations to {}", brokerUrl);
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_CONNECTED
                    || e.getReasonCode() == MqttException.REASON_CODE_CONNECT_IN_PROGRESS) {
                return client.isConnected();
            }
            LOG.warn("Republishing broker {} not reachable: {}", brokerUrl, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        publisher.interrupt();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close();
        } catch (MqttException e) {
            LOG.debug("Closing the republishing client failed", e);
        }
    }
}
