package io.urbanhub.core.internal.devices;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub device registry", description = "The CSV file of registered field devices.")
@interface DevicesConfig {

    @AttributeDefinition(description = "Path of the device CSV; relative paths start at the Karaf etc folder")
    String file() default "urbanhub/devices.csv";

    @AttributeDefinition(description = "Milliseconds between checks of the file for changes")
    long pollMillis() default 2_000;
}
