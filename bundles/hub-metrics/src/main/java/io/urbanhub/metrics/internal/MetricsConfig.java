package io.urbanhub.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub metrics and health",
        description = "The Prometheus endpoint and the liveness and readiness checks, below the CXF servlet.")
@interface MetricsConfig {

    @AttributeDefinition(description = "Path of the Prometheus endpoint")
    String metrics_address() default "/metrics";

    @AttributeDefinition(description = "Path of the health checks; /live and /ready below it")
    String health_address() default "/health";

    @AttributeDefinition(description = "Seconds the store gets to prove a connection valid before it counts as down")
    int health_storeTimeoutSeconds() default 2;
}
