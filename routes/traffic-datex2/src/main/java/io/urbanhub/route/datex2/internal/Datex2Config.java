package io.urbanhub.route.datex2.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UrbanHub DATEX II adapter",
        description = "DATEX II parking and traffic-flow publications of one supplier for one tenant: pulled, pushed, or both.")
@interface Datex2Config {

    @AttributeDefinition(description = "Tenant (municipality) the publications are for, e.g. musterstadt")
    String tenant();

    @AttributeDefinition(description = "Feeds to pull, e.g. the static table and the status publication; empty: push only")
    String[] feedUrls() default {};

    @AttributeDefinition(description = "Seconds between two pulls of each feed; unchanged feeds answer 304 and cost little")
    int pollSeconds() default 60;

    @AttributeDefinition(description = "User name for HTTP basic authentication at the feeds; empty: none")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password for HTTP basic authentication")
    String password() default "";

    @AttributeDefinition(description = "PKCS#12 key store with the client certificate a feed demands (path); empty: none")
    String keyStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the key store")
    String keyStorePassword() default "";

    @AttributeDefinition(description = "Trust store (PKCS#12 or .jks) for a feed whose certificate the JDK does not trust; empty: the JDK's")
    String trustStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the trust store")
    String trustStorePassword() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Shared secret a pushing supplier sends in the header below; empty: no push endpoint")
    String pushSecret() default "";

    @AttributeDefinition(description = "Header that carries the push secret")
    String pushHeader() default "X-Datex2-Secret";
}
