package io.urbanhub.mqtt;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** Consumes only: adapters publish (downlinks) through camel-paho. */
final class AckingMqttEndpoint extends DefaultEndpoint {

    private final MqttSubscription subscription;

    AckingMqttEndpoint(String uri, AckingMqttComponent component, MqttSubscription subscription) {
        super(uri, component);
        this.subscription = subscription;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(AckingMqttComponent.SCHEME + " only consumes; publish with camel-paho");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AckingMqttConsumer consumer = new AckingMqttConsumer(this, processor, subscription);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected String createEndpointUri() {
        return AckingMqttComponent.SCHEME + ":" + subscription.topic();
    }
}
