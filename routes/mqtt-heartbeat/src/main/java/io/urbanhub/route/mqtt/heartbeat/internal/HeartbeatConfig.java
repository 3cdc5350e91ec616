package io.urbanhub.route.mqtt.heartbeat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub MQTT heartbeat",
        description = "Publishes a heartbeat to an MQTT broker and logs how long it takes to come back.")
@interface HeartbeatConfig {

    @AttributeDefinition(description = "Broker URL: tcp://host:port or ssl://host:port")
    String brokerUrl() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(description = "Topic the heartbeat is published to and read back from (no wildcards)")
    String topic() default "urbanhub/heartbeat";

    @AttributeDefinition(description = "Milliseconds between heartbeats (at least 100)")
    long periodMillis() default 10_000;

    @AttributeDefinition(description = "MQTT quality of service: 0, 1 or 2")
    int qos() default 1;

    @AttributeDefinition(description = "Broker user name; empty for anonymous access")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Broker password")
    String password() default "";

    @AttributeDefinition(description = "Trust store (.p12 or .jks) with the CA of an ssl:// broker; empty: the JVM's CAs")
    String trustStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the trust store")
    String trustStorePassword() default "";

    @AttributeDefinition(description = "Key store (.p12 or .jks) with the client certificate a broker asks for; empty: none")
    String keyStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the key store and its key")
    String keyStorePassword() default "";
}
