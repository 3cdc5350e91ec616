package io.urbanhub.route.lorawan.chirpstack.internal;

import java.lang.annotation.Annotation;

/** Adapter configurations for the tests, as Config Admin would hand them over. */
final class ChirpStackConfigs {

    private ChirpStackConfigs() {
    }

    /** QoS 1, the default client id (a persistent session), anonymous access. */
    static ChirpStackConfig of(String brokerUrl, String topic, String tenant) {
        return new ChirpStackConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ChirpStackConfig.class;
            }

            @Override
            public String tenant() {
                return tenant;
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
            public int qos() {
                return 1;
            }

            @Override
            public String clientId() {
                return "";
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
