package io.urbanhub.codecs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub JavaScript codecs",
        description = "The folder of device-repository codecs (<deviceType>.js, <deviceType>.mapping) and the limits of one codec call.")
@interface CodecsConfig {

    @AttributeDefinition(description = "The codec folder; relative paths start at the Karaf etc folder")
    String folder() default "urbanhub/codecs";

    @AttributeDefinition(description = "Milliseconds between looks at the folder for changes")
    long pollMillis() default 2_000;

    @AttributeDefinition(description = "Time limit of one codec call, in milliseconds")
    long timeoutMillis() default 100;

    @AttributeDefinition(description = "Script instructions one codec call may use")
    long instructionBudget() default 10_000_000;

    @AttributeDefinition(description = "Nested function calls one codec call may make")
    int maxStackDepth() default 200;

    @AttributeDefinition(description = "Values in what a codec returns, all levels together")
    int maxOutputValues() default 1_000;

    @AttributeDefinition(description = "Nesting of objects and arrays in what a codec returns")
    int maxOutputDepth() default 10;

    @AttributeDefinition(description = "Characters of one string in what a codec returns")
    int maxStringLength() default 10_000;
}
