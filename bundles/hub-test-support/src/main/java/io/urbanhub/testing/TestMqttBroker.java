package io.urbanhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;

/**
 * A real MQTT broker for tests: the local one on 127.0.0.1:1883 when it listens (Mosquitto on the
 * build machines), otherwise an embedded Moquette broker on a free loopback port.
 */
public final class TestMqttBroker implements AutoCloseable {

    public static final int LOCAL_PORT = 1883;

    private final String url;
    private final Server embedded;

    private TestMqttBroker(String url, Server embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    public static TestMqttBroker start() {
        if (LocalService.listens(LOCAL_PORT)) {
            return new TestMqttBroker("tcp://127.0.0.1:" + LOCAL_PORT, null);
        }
        int port = LocalService.freePort();
        Properties properties = new Properties();
        properties.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        // never phone home from a test
        properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        Server server = new Server();
        try {
            server.startServer(new MemoryConfig(properties));
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded MQTT broker did not start", e);
        }
        return new TestMqttBroker("tcp://127.0.0.1:" + port, server);
    }

    /** The broker's URL in the form Paho and Camel take, e.g. {@code tcp://127.0.0.1:1883}. */
    public String url() {
        return url;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.stopServer();
        }
    }
}
