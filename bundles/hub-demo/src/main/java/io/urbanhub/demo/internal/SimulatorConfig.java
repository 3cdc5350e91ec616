package io.urbanhub.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub demo LoRaWAN simulator",
        description = "Simulated Dragino LHT65 sensors whose uplinks a simulated ChirpStack publishes.")
@interface SimulatorConfig {

    @AttributeDefinition(description = "Broker the simulated ChirpStack publishes to")
    String brokerUrl() default "tcp://127.0.0.1:11883";

    @AttributeDefinition(description = "ChirpStack application id in the topics")
    String applicationId() default "demo-cold-storage";

    @AttributeDefinition(description = "DevEUIs of the simulated LHT65 sensors")
    String[] devices() default {"a840410001810001", "a840410001810002", "a840410001810003"};

    @AttributeDefinition(description = "Milliseconds between two uplinks of each sensor")
    long periodMillis() default 5_000;
}
