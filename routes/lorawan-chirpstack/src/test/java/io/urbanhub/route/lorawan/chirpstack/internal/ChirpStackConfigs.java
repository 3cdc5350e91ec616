package io.urbanhub.route.lorawan.chirpstack.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Adapter configurations for the tests, as Config Admin would hand them over: the given keys, else the defaults. */
final class ChirpStackConfigs {

    private ChirpStackConfigs() {
    }

    /** QoS 1, the default client id (a persistent session), anonymous access, the JVM's TLS defaults. */
    static ChirpStackConfig of(String brokerUrl, String topic, String tenant) {
        return with(Map.of("brokerUrl", brokerUrl, "topic", topic, "tenant", tenant));
    }

    static ChirpStackConfig with(Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>(given);
        return (ChirpStackConfig) Proxy.newProxyInstance(ChirpStackConfig.class.getClassLoader(), new Class<?>[] {ChirpStackConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }
}
