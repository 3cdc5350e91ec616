package io.urbanhub.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.admin.InstanceNames;

class InstanceNamesTest {

    private static final String FACTORY = "io.urbanhub.route.mqtt.heartbeat";

    @Test
    void namesTheInstanceAfterANamedFactoryConfiguration() {
        Map<String, Object> properties = Map.of("hub.adapter", "mqtt-heartbeat",
                "service.pid", FACTORY + "~ahaus", "service.factoryPid", FACTORY);
        assertEquals("ahaus", InstanceNames.instance(properties));
        assertEquals("mqtt-heartbeat.ahaus", InstanceNames.contextName(properties));
    }

    @Test
    void namesTheInstanceAfterItsConfigFile() {
        Map<String, Object> properties = Map.of("hub.adapter", "mqtt-heartbeat",
                "service.pid", FACTORY + ".4f1c2d", "service.factoryPid", FACTORY,
                "felix.fileinstall.filename", "file:/opt/urbanhub/etc/" + FACTORY + "-borken.cfg");
        assertEquals("borken", InstanceNames.instance(properties));
    }

    @Test
    void anExplicitInstanceNameWins() {
        Map<String, Object> properties = Map.of("hub.adapter", "keeper", "hub.instance", " it ",
                "service.pid", FACTORY + "~other");
        assertEquals("keeper.it", InstanceNames.contextName(properties));
    }
}
