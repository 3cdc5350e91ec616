package io.urbanhub.rest.ngsild.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub NGSI-LD API", description = "The ETSI NGSI-LD API over the shared data layer.")
@interface NgsiLdConfig {

    @AttributeDefinition(description = "Path of the API below the CXF servlet")
    String address() default "/ngsi-ld/v1";

    @AttributeDefinition(description = "Tenant of requests without an NGSILD-Tenant header; empty: the header is required")
    String defaultTenant() default "";

    @AttributeDefinition(description = "Answer 404 NonexistentTenant to requests for a tenant that is neither registered"
            + " (hub:tenant-add) nor the default tenant; off: any well-formed tenant name is served")
    boolean registeredTenantsOnly() default false;
}
