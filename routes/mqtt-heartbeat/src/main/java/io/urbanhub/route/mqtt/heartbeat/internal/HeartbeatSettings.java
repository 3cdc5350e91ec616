package io.urbanhub.route.mqtt.heartbeat.internal;

import java.net.URI;
import java.util.Set;

/** A checked heartbeat configuration: a bad one is refused whole, so no half-configured route starts. */
record HeartbeatSettings(String brokerUrl, String topic, long periodMillis, int qos, String username, String password) {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    HeartbeatSettings {
        URI uri;
        try {
            uri = URI.create(brokerUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' is not a URL", e);
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' must look like tcp://host:port or ssl://host:port");
        }
        if (topic == null || topic.isBlank() || topic.contains("#") || topic.contains("+")) {
            throw new IllegalArgumentException("topic '" + topic + "' must be a topic name without wildcards");
        }
        if (periodMillis < 100) {
            throw new IllegalArgumentException("periodMillis must be at least 100, not " + periodMillis);
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, not " + qos);
        }
    }

    static HeartbeatSettings of(HeartbeatConfig config) {
        return new HeartbeatSettings(config.brokerUrl().trim(), config.topic().trim(), config.periodMillis(),
                config.qos(), config.username(), config.password());
    }

    /** The Paho endpoint URI for one MQTT client of this instance. */
    String endpointUri(String clientId) {
        StringBuilder uri = new StringBuilder("paho:").append(topic)
                .append("?brokerUrl=").append(brokerUrl)
                .append("&qos=").append(qos)
                .append("&clientId=").append(clientId);
        if (!username.isEmpty()) {
            uri.append("&userName=RAW(").append(username).append(")&password=RAW(").append(password).append(')');
        }
        return uri.toString();
    }
}
