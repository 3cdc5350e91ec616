package io.urbanhub.route.kdn.open311.internal;

import java.lang.annotation.Annotation;

/** An instance's configuration as an admin would write it in its .cfg. */
record TestOpen311Config(String tenant, String endpoint, String jurisdictionId, String apiKey, String clientApiKey,
                         String format, int pollSeconds) implements Open311Config {

    @Override
    public Class<? extends Annotation> annotationType() {
        return Open311Config.class;
    }
}
