package io.urbanhub.mqtt;

import java.util.Properties;

/**
 * What one consumer subscribes to, and how. {@code sslProperties} are Paho's {@code com.ibm.ssl.*} settings (trust
 * store, key store for a client certificate), empty for the JVM's defaults.
 */
record MqttSubscription(String topic, String brokerUrl, String clientId, int qos, boolean cleanSession,
                        int concurrentConsumers, String userName, String password, Properties sslProperties) {

    MqttSubscription {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, not " + qos);
        }
        if (concurrentConsumers < 1) {
            throw new IllegalArgumentException("concurrentConsumers must be at least 1, not " + concurrentConsumers);
        }
    }

    @Override
    public String toString() {
        // never the password: this ends up in log lines
        return topic + " at " + brokerUrl + " as " + clientId;
    }
}
