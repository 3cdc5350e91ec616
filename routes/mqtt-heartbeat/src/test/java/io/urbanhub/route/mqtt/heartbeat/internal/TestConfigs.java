package io.urbanhub.route.mqtt.heartbeat.internal;

import java.lang.annotation.Annotation;

/** Builds a {@link HeartbeatConfig} the way Config Admin would hand it over. */
final class TestConfigs {

    private TestConfigs() {
    }

    static HeartbeatConfig config(String brokerUrl, String topic, long periodMillis, int qos) {
        return new HeartbeatConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HeartbeatConfig.class;
            }

            @Override
            public String brokerUrl() {
                return brokerUrl;
            }

            @Override
            public String topic() {
                return topic;
            }

            @Override
            public long periodMillis() {
                return periodMillis;
            }

            @Override
            public int qos() {
                return qos;
            }

            @Override
            public String username() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }
        };
    }
}
