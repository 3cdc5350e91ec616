package io.urbanhub.route.lorawan.chirpstack.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub LoRaWAN ChirpStack adapter",
        description = "Reads the uplinks of a ChirpStack v4 MQTT integration for one tenant.")
@interface ChirpStackConfig {

    @AttributeDefinition(description = "Tenant (municipality) the devices of this ChirpStack belong to, e.g. musterstadt")
    String tenant();

    @AttributeDefinition(description = "Broker of the ChirpStack MQTT integration: tcp://host:port or ssl://host:port")
    String brokerUrl() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(description = "Topic filter of the uplink events")
    String topic() default "application/+/device/+/event/up";

    @AttributeDefinition(description = "MQTT QoS of the subscription; 1 gets every uplink at least once")
    int qos() default 1;

    @AttributeDefinition(description = "MQTT client id; empty: urbanhub-<context name>. Keep it stable so the broker keeps the session")
    String clientId() default "";

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
