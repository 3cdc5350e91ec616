package io.urbanhub.route.mqtt.heartbeat.internal;

import static io.urbanhub.route.mqtt.heartbeat.internal.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.spi.MqttConnection;

class HeartbeatSettingsTest {

    @Test
    void buildsThePahoEndpointOfAValidConfig() {
        HeartbeatSettings settings = HeartbeatSettings.of(config("tcp://127.0.0.1:1883", "city/heartbeat", 500, 1));
        assertEquals("paho:city/heartbeat?brokerUrl=tcp://127.0.0.1:1883&qos=1&clientId=hub-1",
                settings.endpointUri("hub-1"));
    }

    @Test
    void passesCredentialsRawSoSpecialCharactersSurviveAndKeepsThemOutOfLogs() {
        MqttConnection broker = new MqttConnection("ssl://broker:8883", 1, "city", "p&ss=1");
        HeartbeatSettings settings = new HeartbeatSettings(broker, "t", 1000);
        assertTrue(settings.endpointUri("c").endsWith("&userName=RAW(city)&password=RAW(p&ss=1)"));
        assertFalse(broker.toString().contains("p&ss"));
    }

    @Test
    void refusesABrokerUrlWithoutSchemeOrHost() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HeartbeatSettings.of(config("127.0.0.1:1883", "t", 1000, 1)));
        assertTrue(error.getMessage().contains("brokerUrl"));
    }

    @Test
    void refusesWildcardTopics() {
        assertThrows(IllegalArgumentException.class, () -> HeartbeatSettings.of(config("tcp://h:1883", "city/#", 1000, 1)));
        assertThrows(IllegalArgumentException.class, () -> HeartbeatSettings.of(config("tcp://h:1883", "city/+/x", 1000, 1)));
    }

    @Test
    void refusesAnUnknownQosAndTooShortPeriods() {
        assertThrows(IllegalArgumentException.class, () -> HeartbeatSettings.of(config("tcp://h:1883", "t", 1000, 3)));
        assertThrows(IllegalArgumentException.class, () -> HeartbeatSettings.of(config("tcp://h:1883", "t", 99, 1)));
    }
}
