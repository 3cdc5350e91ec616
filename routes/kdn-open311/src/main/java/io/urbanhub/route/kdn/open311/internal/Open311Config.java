package io.urbanhub.route.kdn.open311.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub Open311 adapter",
        description = "Open311 GeoReport v2 service requests of one town (jurisdiction) for one tenant.")
@interface Open311Config {

    @AttributeDefinition(description = "Tenant (municipality) the service requests are for, e.g. musterstadt")
    String tenant();

    @AttributeDefinition(description = "GeoReport v2 base URL, e.g. https://host/open311/v2")
    String endpoint();

    @AttributeDefinition(description = "jurisdiction_id the server expects when it serves several towns; empty: none")
    String jurisdictionId() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "API key for submitting requests; empty: no submitting")
    String apiKey() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "API key the town's apps present to submit requests "
            + "through the hub (POST /kdn-open311/<name>/requests.json); empty: no submitting through the hub's HTTP")
    String clientApiKey() default "";

    @AttributeDefinition(description = "Response format to ask for: json or xml")
    String format() default "json";

    @AttributeDefinition(description = "Seconds between two pulls of services and requests")
    int pollSeconds() default 300;
}
