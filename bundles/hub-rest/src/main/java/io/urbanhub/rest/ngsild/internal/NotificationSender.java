package io.urbanhub.rest.ngsild.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.core.MediaType;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Delivers a notification to a subscriber: an HTTP POST, or an MQTT message with the NGSI-LD MQTT binding's
 * {@code metadata} and {@code body} on the topic named by the URI's path. Every delivery has a time limit. Each MQTT
 * broker has a publisher thread and a bounded queue of its own, so that a broker that hangs delays only its own
 * subscribers; HTTP deliveries are asynchronous and wait on no thread.
 */
final class NotificationSender implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** MQTT deliveries that may wait for a broker; beyond them a delivery fails at once instead of piling up. */
    static final int MQTT_WAITING = 1_000;
    /** Brokers with a publisher at once; more would each take a thread. */
    static final int MAX_BROKERS = 64;

    private final Duration timeout;
    private final int mqttWaiting;
    private final HttpClient http;
    private final Map<String, ExecutorService> publishers = new ConcurrentHashMap<>();
    private final Map<String, MqttAsyncClient> brokers = new ConcurrentHashMap<>();

    NotificationSender(Duration timeout) {
        this(timeout, MQTT_WAITING);
    }

    /** @param mqttWaiting deliveries that may wait for each broker */
    NotificationSender(Duration timeout, int mqttWaiting) {
        this.timeout = timeout;
        this.mqttWaiting = mqttWaiting;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Completes when the subscriber took the notification; fails with the reason when it did not. */
    CompletableFuture<Void> send(URI endpoint, String tenant, String notification, boolean ld) {
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.startsWith("mqtt")) {
            try {
                return CompletableFuture.runAsync(() -> publish(endpoint, tenant, notification, ld), publisher(broker(endpoint)));
            } catch (RejectedExecutionException full) {
                // a hanging broker holds its publisher: what comes meanwhile fails and is retried later
                return CompletableFuture.failedFuture(new IllegalStateException("Too many MQTT notifications waiting for "
                        + broker(endpoint)));
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", ld ? EntitiesResource.LD_JSON : MediaType.APPLICATION_JSON)
                .header(EntitiesResource.TENANT_HEADER, tenant)
                .POST(HttpRequest.BodyPublishers.ofString(notification, StandardCharsets.UTF_8));
        if (!ld) {
            request.header("Link", NgsiLdRepresentation.CONTEXT_LINK);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + shown(endpoint));
            }
        });
    }

    /** The broker's own publisher: one thread, in order, gone when idle for a minute. */
    private ExecutorService publisher(String broker) {
        ExecutorService publisher = publishers.get(broker);
        if (publisher != null) {
            return publisher;
        }
        if (publishers.size() >= MAX_BROKERS) {
            throw new RejectedExecutionException("More than " + MAX_BROKERS + " MQTT brokers");
        }
        return publishers.computeIfAbsent(broker, name -> {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
                    new ArrayBlockingQueue<>(mqttWaiting), runnable -> {
                        Thread thread = new Thread(runnable, "hub-notify-mqtt " + name);
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            return executor;
        });
    }

    private void publish(URI endpoint, String tenant, String notification, boolean ld) {
        ObjectNode message = MAPPER.createObjectNode();
        ObjectNode metadata = message.putObject("metadata");
        metadata.put("Content-Type", ld ? EntitiesResource.LD_JSON : MediaType.APPLICATION_JSON);
        metadata.put(EntitiesResource.TENANT_HEADER, tenant);
        if (!ld) {
            metadata.put("Link", NgsiLdRepresentation.CONTEXT_LINK);
        }
        try {
            message.set("body", MAPPER.readTree(notification));
            MqttAsyncClient client = connected(endpoint);
            client.publish(endpoint.getPath().substring(1), message.toString().getBytes(StandardCharsets.UTF_8), 1, false)
                    .waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT " + e.getMessage() + " at " + broker(endpoint), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The notification is not JSON", e);
        }
    }

    private MqttAsyncClient connected(URI endpoint) throws MqttException {
        String broker = broker(endpoint);
        MqttAsyncClient client = brokers.get(broker);
        if (client == null) {
            client = new MqttAsyncClient(broker, "urbanhub-notify-" + Long.toHexString(System.nanoTime()), new MemoryPersistence());
            brokers.put(broker, client);
        }
        synchronized (client) {
            if (!client.isConnected()) {
                MqttConnectOptions options = new MqttConnectOptions();
                options.setCleanSession(true);
                options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
                String userInfo = endpoint.getRawUserInfo();
                if (userInfo != null) {
                    int colon = userInfo.indexOf(':');
                    options.setUserName(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                    if (colon >= 0) {
                        options.setPassword(decode(userInfo.substring(colon + 1)).toCharArray());
                    }
                }
                client.connect(options).waitForCompletion(timeout.toMillis());
            }
        }
        return client;
    }

    /** The broker of an mqtt:// or mqtts:// endpoint as Paho names it, without credentials. */
    static String broker(URI endpoint) {
        boolean tls = endpoint.getScheme().equalsIgnoreCase("mqtts");
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 8883 : 1883;
        return (tls ? "ssl://" : "tcp://") + endpoint.getHost() + ":" + port;
    }

    /**
     * The endpoint as logs and delivery statuses show it: without user info, query and fragment, any of which may
     * carry a password or token.
     */
    static String shown(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "")
                + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath());
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        publishers.values().forEach(ExecutorService::shutdownNow);
        for (MqttAsyncClient client : brokers.values()) {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(TimeUnit.SECONDS.toMillis(2));
                }
                client.close();
            } catch (MqttException e) {
                // closing anyway
            }
        }
    }
}
