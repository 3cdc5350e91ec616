package io.urbanhub.route.lorawan.tts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub LoRaWAN The Things Stack adapter",
        description = "Reads the uplinks of The Things Stack v3 for one tenant, from its MQTT server and/or a webhook.")
@interface TtsConfig {

    @AttributeDefinition(description = "Tenant (municipality) the devices of this application belong to, e.g. musterstadt")
    String tenant();

    @AttributeDefinition(description = "The Things Stack's MQTT server: tcp://host:1883 or ssl://host:8883; empty: no MQTT, webhook only")
    String brokerUrl() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(description = "Topic filter of the uplinks; + also matches application-id@tenant-id of The Things Stack Cloud")
    String topic() default "v3/+/devices/+/up";

    @AttributeDefinition(description = "MQTT QoS of the subscription; 1 gets every uplink at least once")
    int qos() default 1;

    @AttributeDefinition(description = "MQTT client id; empty: urbanhub-<context name>. Keep it stable so the server keeps the session")
    String clientId() default "";

    @AttributeDefinition(description = "MQTT user name: the application id, with @tenant-id on The Things Stack Cloud")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "MQTT password: an API key of the application")
    String password() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Shared secret the webhook sends in the header below; empty: no webhook receiver")
    String webhookSecret() default "";

    @AttributeDefinition(description = "Header of the webhook that carries the shared secret (an additional header of the TTS webhook)")
    String webhookHeader() default "X-Webhook-Secret";

    @AttributeDefinition(description = "Trust store (.p12 or .jks) with the CA of an ssl:// broker; empty: the JVM's CAs")
    String trustStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the trust store")
    String trustStorePassword() default "";

    @AttributeDefinition(description = "Key store (.p12 or .jks) with the client certificate a broker asks for; empty: none")
    String keyStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the key store and its key")
    String keyStorePassword() default "";
}
