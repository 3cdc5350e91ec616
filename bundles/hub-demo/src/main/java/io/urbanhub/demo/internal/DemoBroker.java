package io.urbanhub.demo.internal;

import java.io.IOException;
import java.util.Properties;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;

/**
 * A Moquette MQTT broker inside the hub, so the demo runs without any service outside: the simulated
 * ChirpStack publishes to it and the adapter subscribes through Paho, as with a real broker.
 */
@Component(immediate = true, configurationPid = "io.urbanhub.demo.broker", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoBrokerConfig.class)
public class DemoBroker {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBroker.class);

    private final Server server = new Server();

    @Activate
    public DemoBroker(DemoBrokerConfig config) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(IConfig.HOST_PROPERTY_NAME, config.host());
        properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(config.port()));
        properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        try {
            server.startServer(new MemoryConfig(properties));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.info("Demo MQTT broker listening on tcp://{}:{}", config.host(), config.port());
    }

    @Deactivate
    void deactivate() {
        server.stopServer();
    }
}
