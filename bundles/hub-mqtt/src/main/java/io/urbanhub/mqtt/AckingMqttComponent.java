package io.urbanhub.mqtt;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code hub-mqtt:<topic filter>?brokerUrl=tcp://host:1883&clientId=...}: subscribes like camel-paho, but
 * acknowledges a QoS 1 or 2 message only once the route has handled it, and handles several at a time. Options:
 * {@code qos} (1), {@code cleanSession} (false: the broker keeps the subscription and queues messages while the
 * consumer is away), {@code concurrentConsumers} (20), {@code userName}, {@code password}, and as camel-paho
 * {@code sslClientProps=#bean}, Paho's {@code com.ibm.ssl.*} properties for an {@code ssl://} broker.
 */
public class AckingMqttComponent extends DefaultComponent {

    /**
     * Workers that run the route. A route whose store step waits holds one per message, and a broker keeps 20
     * unacknowledged messages in flight per client by default (Mosquitto's max_inflight_messages); a store step
     * made with {@link CompletingProcessor} frees its worker at once.
     */
    static final int DEFAULT_CONCURRENT_CONSUMERS = 20;

    public static final String SCHEME = "hub-mqtt";
    /** The topic a message was published to, as camel-paho names it. */
    public static final String TOPIC_HEADER = "CamelMqttTopic";

    /** Makes the component known to a context that did not find it on its own, e.g. outside OSGi. */
    public static void addTo(CamelContext context) {
        if (context.hasComponent(SCHEME) == null) {
            context.addComponent(SCHEME, new AckingMqttComponent());
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String brokerUrl = getAndRemoveParameter(parameters, "brokerUrl", String.class);
        String clientId = getAndRemoveParameter(parameters, "clientId", String.class);
        if (remaining.isBlank() || brokerUrl == null || clientId == null) {
            throw new IllegalArgumentException(SCHEME + " needs a topic, brokerUrl and clientId: " + uri);
        }
        MqttSubscription subscription = new MqttSubscription(remaining, brokerUrl, clientId,
                getAndRemoveParameter(parameters, "qos", Integer.class, 1),
                getAndRemoveParameter(parameters, "cleanSession", Boolean.class, false),
                getAndRemoveParameter(parameters, "concurrentConsumers", Integer.class, DEFAULT_CONCURRENT_CONSUMERS),
                getAndRemoveParameter(parameters, "userName", String.class, ""),
                getAndRemoveParameter(parameters, "password", String.class, ""),
                getAndRemoveOrResolveReferenceParameter(parameters, "sslClientProps", Properties.class, new Properties()));
        return new AckingMqttEndpoint(uri, this, subscription);
    }
}
