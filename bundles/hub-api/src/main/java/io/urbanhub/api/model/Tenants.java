package io.urbanhub.api.model;

import java.util.regex.Pattern;

/** A tenant is a municipality (or region) identified by a short lower-case name, e.g. {@code musterstadt}. */
public final class Tenants {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Tenants() {
    }

    public static String require(String tenant) {
        if (tenant == null || !VALID.matcher(tenant).matches()) {
            throw new IllegalArgumentException("Tenant '" + tenant + "' must be 1-63 lower-case letters, digits or dashes");
        }
        return tenant;
    }
}
