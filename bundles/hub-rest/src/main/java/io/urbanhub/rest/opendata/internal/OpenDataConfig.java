package io.urbanhub.rest.opendata.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub open data export",
        description = "Which entity types of which tenant are open data, and under which licence.")
@interface OpenDataConfig {

    @AttributeDefinition(description = "Open types as tenant/Type, e.g. musterstadt/ParkingSpot; nothing else is exported")
    String[] openTypes() default {};

    @AttributeDefinition(description = "Licence identifier written into every export")
    String licence() default "dl-de/by-2-0";

    @AttributeDefinition(description = "Where the licence text is")
    String licenceUrl() default "https://www.govdata.de/dl-de/by-2-0";

    @AttributeDefinition(description = "Path of the export below the CXF servlet")
    String address() default "/opendata";

    @AttributeDefinition(description = "Where the export is reached from outside (scheme, host, port, proxy path),"
            + " the base of the absolute URLs in the catalog")
    String publicBaseUrl() default "http://127.0.0.1:8181";
}
