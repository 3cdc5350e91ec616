package io.urbanhub.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub demo MQTT broker", description = "An MQTT broker inside the hub, for the demo only.")
@interface DemoBrokerConfig {

    @AttributeDefinition(description = "Address to listen on; keep it on loopback")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port to listen on")
    int port() default 11883;
}
