package io.urbanhub.mqtt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message to one of several workers that run the route, and acknowledges it (in arrival order) once the
 * route is done with it. A message the route fails on is not acknowledged: the consumer connects anew, after a
 * pause, and the broker sends it again, together with everything else left open. Stopping lets the workers finish
 * and acknowledge what they hold; what arrives meanwhile stays with the broker for the next start.
 */
final class AckingMqttConsumer extends DefaultConsumer implements MqttCallbackExtended {

    private static final Logger LOG = LoggerFactory.getLogger(AckingMqttConsumer.class);
    private static final long TIMEOUT_MILLIS = 30_000;
    private static final long RECONNECT_PAUSE_MILLIS = 2_000;
    /**
     * Messages handed to the route and not yet done with. A route step that completes later (see
     * {@link CompletingProcessor}) frees its worker at once, so this, and for QoS 1 the broker's window, bounds
     * what is held in memory.
     */
    static final int MAX_IN_FLIGHT = 1_000;

    private final MqttSubscription subscription;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private MqttAsyncClient client;
    private InOrderAcks acks;
    private ExecutorService workers;
    private ExecutorService acknowledger;
    private ScheduledExecutorService reconnects;

    AckingMqttConsumer(AckingMqttEndpoint endpoint, Processor processor, MqttSubscription subscription) {
        super(endpoint, processor);
        this.subscription = subscription;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping.set(false);
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        workers = executors.newFixedThreadPool(this, "hub-mqtt " + subscription.topic(), subscription.concurrentConsumers());
        // acknowledgements leave from a thread of their own, never from the store's thread that completed the route
        acknowledger = executors.newSingleThreadExecutor(this, "hub-mqtt acks " + subscription.topic());
        reconnects = executors.newSingleThreadScheduledExecutor(this, "hub-mqtt reconnect " + subscription.topic());
        client = new MqttAsyncClient(subscription.brokerUrl(), subscription.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        MqttAsyncClient acknowledging = client;
        acks = new InOrderAcks((messageId, qos) -> acknowledge(acknowledging, messageId, qos));
        client.setCallback(this);
        connect();
    }

    private void connect() throws MqttException {
        client.connect(options()).waitForCompletion(TIMEOUT_MILLIS);
        IMqttToken subscribed = client.subscribe(subscription.topic(), subscription.qos());
        subscribed.waitForCompletion(TIMEOUT_MILLIS);
        if (subscribed.getGrantedQos()[0] == 0x80) {
            throw new MqttException(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
        }
        LOG.info("Subscribed to {} (QoS {}, {} session)", subscription, subscription.qos(),
                subscription.cleanSession() ? "clean" : "persistent");
    }

    private MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(subscription.cleanSession());
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) TIMEOUT_MILLIS);
        options.setConnectionTimeout((int) (TIMEOUT_MILLIS / 1000));
        if (!subscription.userName().isEmpty()) {
            options.setUserName(subscription.userName());
            options.setPassword(subscription.password().toCharArray());
        }
        if (!subscription.sslProperties().isEmpty()) {
            options.setSSLProperties(subscription.sslProperties());
        }
        return options;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        if (stopping.get()) {
            return; // not acknowledged: the broker keeps it for the next session
        }
        try {
            // holding Paho's callback thread holds the connection: the broker keeps the rest
            while (!inFlight.tryAcquire(1, TimeUnit.SECONDS)) {
                if (stopping.get()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        InOrderAcks.Pending pending = acks.arrived(message.getId(), message.getQos());
        workers.execute(() -> handle(pending, topic, message));
    }

    private void handle(InOrderAcks.Pending pending, String topic, MqttMessage message) {
        // what was handed over is handled even while stopping: a broker such as Moquette may hold a message left
        // unacknowledged in the session's window instead of sending it again, and stall the session
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(message.getPayload());
        exchange.getMessage().setHeader(AckingMqttComponent.TOPIC_HEADER, topic);
        try {
            getAsyncProcessor().process(exchange, doneSync -> {
                if (doneSync) {
                    done(pending, exchange);
                } else {
                    acknowledger.execute(() -> done(pending, exchange));
                }
            });
        } catch (RuntimeException e) {
            exchange.setException(e);
            done(pending, exchange);
        }
    }

    /** The route is done with the message: on the worker, or on the acknowledger when the route completed later. */
    private void done(InOrderAcks.Pending pending, Exchange exchange) {
        try {
            if (exchange.getException() == null) {
                acks.handled(pending);
            } else {
                getExceptionHandler().handleException("Not acknowledged, the broker sends it again", exchange,
                        exchange.getException());
                connectAnew();
            }
            releaseExchange(exchange, false);
        } finally {
            inFlight.release();
        }
    }

    private static void acknowledge(MqttAsyncClient client, int messageId, int qos) {
        if (qos == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(messageId, qos);
        } catch (MqttException e) {
            // the connection is gone: the broker sends the message again on the next one
            LOG.debug("Acknowledgement of message {} not sent: {}", messageId, e.getMessage());
        }
    }

    /** Drops the connection so that the broker sends again what is not acknowledged; once at a time. */
    private void connectAnew() {
        if (stopping.get() || !reconnecting.compareAndSet(false, true)) {
            return;
        }
        acks.reset();
        reconnects.schedule(() -> {
            try {
                if (client.isConnected()) {
                    client.disconnect(0).waitForCompletion(TIMEOUT_MILLIS);
                }
                if (!stopping.get()) {
                    connect();
                }
            } catch (MqttException e) {
                LOG.warn("Reconnect to {} failed, trying again: {}", subscription, e.getMessage());
                reconnects.schedule(this::connectAnewLater, RECONNECT_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
            reconnecting.set(false);
        }, RECONNECT_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void connectAnewLater() {
        reconnecting.set(false);
        connectAnew();
    }

    @Override
    public void connectionLost(Throwable cause) {
        acks.reset();
        LOG.warn("Connection for {} lost, reconnecting: {}", subscription, cause == null ? "" : cause.getMessage());
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        if (reconnect) {
            try {
                client.subscribe(subscription.topic(), subscription.qos());
                LOG.info("Reconnected to {}", subscription);
            } catch (MqttException e) {
                LOG.warn("Subscribing again to {} failed: {}", subscription, e.getMessage());
            }
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // this consumer does not publish
    }

    @Override
    protected void doStop() throws Exception {
        stopping.set(true);
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        // the workers finish, and what they handed on completes and is acknowledged, before the connection goes
        executors.shutdownGraceful(workers, TIMEOUT_MILLIS);
        if (inFlight.tryAcquire(MAX_IN_FLIGHT, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            inFlight.release(MAX_IN_FLIGHT);
        }
        executors.shutdownGraceful(acknowledger, TIMEOUT_MILLIS);
        executors.shutdownNow(reconnects);
        try {
            if (client.isConnected()) {
                client.disconnect(TIMEOUT_MILLIS).waitForCompletion(TIMEOUT_MILLIS);
            }
        } finally {
            client.close();
            LOG.info("Disconnected from {}; {} messages not acknowledged stay with the broker", subscription, acks.open());
        }
        super.doStop();
    }
}
