package io.urbanhub.mqtt;

/** What one consumer subscribes to, and how. */
record MqttSubscription(String topic, String brokerUrl, String clientId, int qos, boolean cleanSession,
                        int concurrentConsumers, String userName, String password) {

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
