package io.urbanhub.rest.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub API security",
        description = "Who may call the NGSI-LD API: API keys (hub:apikey-add), bearer tokens of an OIDC identity"
                + " provider, the hub's operators; and which types anybody may read.")
@interface ApiSecurityConfig {

    @AttributeDefinition(description = "Types anybody may read without credentials, as tenant/Type,"
            + " e.g. musterstadt/ParkingSpot")
    String[] publicTypes() default {};

    @AttributeDefinition(description = "The identity provider's keys (JWKS) as a file:, http: or https: URL;"
            + " empty: bearer tokens are refused")
    String jwksUri() default "";

    @AttributeDefinition(description = "The iss every bearer token must carry, e.g. https://login.example/realms/kdn")
    String issuer() default "";

    @AttributeDefinition(description = "The aud every bearer token must carry; empty: not checked")
    String audience() default "";

    @AttributeDefinition(description = "The token claim with the grants tenant:level[:Type,…];"
            + " a dotted path reaches into nested claims, e.g. realm_access.roles")
    String grantsClaim() default "roles";

    @AttributeDefinition(description = "JAAS realm of the hub's operators, who log in with HTTP Basic")
    String jaasRealm() default "karaf";

    @AttributeDefinition(description = "Role of that realm that may do anything with every tenant")
    String adminRole() default "admin";

    @AttributeDefinition(description = "Role of that realm that may read every tenant")
    String viewerRole() default "viewer";
}
