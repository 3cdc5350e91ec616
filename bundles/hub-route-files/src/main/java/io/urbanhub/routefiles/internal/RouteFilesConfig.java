package io.urbanhub.routefiles.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub routes as files",
        description = "Camel XML DSL files of tenants' glue routes, one adapter instance each.")
@interface RouteFilesConfig {

    @AttributeDefinition(description = "Folder below etc/ with one folder per tenant holding its <name>.xml route files")
    String folder() default "urbanhub/routes";

    @AttributeDefinition(description = "Milliseconds between two looks into the folder")
    long pollMillis() default 2000;
}
