package io.urbanhub.route.mqtt.heartbeat.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds a {@link HeartbeatConfig} the way Config Admin would hand it over: the given keys, else the defaults. */
final class TestConfigs {

    private TestConfigs() {
    }

    static HeartbeatConfig config(String brokerUrl, String topic, long periodMillis, int qos) {
        return config(Map.of("brokerUrl", brokerUrl, "topic", topic, "periodMillis", periodMillis, "qos", qos));
    }

    static HeartbeatConfig config(Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>(given);
        return (HeartbeatConfig) Proxy.newProxyInstance(HeartbeatConfig.class.getClassLoader(), new Class<?>[] {HeartbeatConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }
}
