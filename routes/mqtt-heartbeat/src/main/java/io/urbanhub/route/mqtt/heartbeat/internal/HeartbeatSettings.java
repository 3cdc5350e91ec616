package io.urbanhub.route.mqtt.heartbeat.internal;

import io.urbanhub.api.spi.MqttConnection;
import io.urbanhub.api.spi.MqttTls;

/** A checked heartbeat configuration: a bad one is refused whole, so no half-configured route starts. */
record HeartbeatSettings(MqttConnection broker, String topic, long periodMillis) {

    HeartbeatSettings {
        if (topic == null || topic.isBlank() || topic.contains("#") || topic.contains("+")) {
            throw new IllegalArgumentException("topic '" + topic + "' must be a topic name without wildcards");
        }
        if (periodMillis < 100) {
            throw new IllegalArgumentException("periodMillis must be at least 100, not " + periodMillis);
        }
    }

    static HeartbeatSettings of(HeartbeatConfig config) {
        MqttTls tls = new MqttTls(config.trustStore(), config.trustStorePassword(), config.keyStore(), config.keyStorePassword());
        return new HeartbeatSettings(new MqttConnection(config.brokerUrl().trim(), config.qos(), config.username(),
                config.password(), tls), config.topic().trim(), config.periodMillis());
    }

    /** The Paho endpoint URI for one MQTT client of this instance. */
    String endpointUri(String clientId) {
        return broker.pahoUri(topic, clientId);
    }
}
