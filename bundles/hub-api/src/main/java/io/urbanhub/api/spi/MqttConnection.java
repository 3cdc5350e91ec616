package io.urbanhub.api.spi;

import java.net.URI;
import java.util.Set;

/**
 * How an adapter reaches an MQTT broker, checked when it is built so that a bad configuration starts
 * no route. {@link #pahoUri} gives the camel-paho endpoint; credentials go in RAW form and never into
 * log lines, because {@link #toString()} leaves the password out.
 */
public record MqttConnection(String brokerUrl, int qos, String username, String password, MqttTls tls) {

    /**
     * The name under which a route binds {@link MqttTls#sslProperties()} into its context, e.g. with
     * {@code bindToRegistry}, when {@link #tls()} is set: the endpoint URIs refer to it.
     */
    public static final String TLS_BEAN = "hubMqttTls";

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public MqttConnection {
        URI uri;
        try {
            uri = URI.create(brokerUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' is not a URL", e);
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("brokerUrl '" + brokerUrl + "' must look like tcp://host:port or ssl://host:port");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, not " + qos);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : Secrets.reveal(password);
        tls = tls == null ? MqttTls.NONE : tls;
    }

    /** A broker reached with the JVM's TLS defaults, if any. */
    public MqttConnection(String brokerUrl, int qos, String username, String password) {
        this(brokerUrl, qos, username, password, MqttTls.NONE);
    }

    /** The camel-paho endpoint URI for one topic (filter) and one client id, plus further options. */
    public String pahoUri(String topic, String clientId, String... options) {
        return uri("paho", topic, clientId, options);
    }

    /**
     * The URI of an endpoint of a component that takes camel-paho's options, such as {@code hub-mqtt}, which
     * acknowledges a message only once the route has handled it.
     */
    public String uri(String component, String topic, String clientId, String... options) {
        StringBuilder uri = new StringBuilder(component).append(':').append(topic)
                .append("?brokerUrl=").append(brokerUrl)
                .append("&qos=").append(qos)
                .append("&clientId=").append(clientId);
        for (String option : options) {
            uri.append('&').append(option);
        }
        if (!username.isEmpty()) {
            uri.append("&userName=RAW(").append(username).append(")&password=RAW(").append(password).append(')');
        }
        if (tls.isSet()) {
            uri.append("&sslClientProps=#").append(TLS_BEAN);
        }
        return uri.toString();
    }

    @Override
    public String toString() {
        return "MqttConnection[" + brokerUrl + ", qos " + qos + (username.isEmpty() ? "" : ", user " + username)
                + (tls.isSet() ? ", " + tls : "") + "]";
    }
}
