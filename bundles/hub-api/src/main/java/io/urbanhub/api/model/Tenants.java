package io.urbanhub.api.model;

/** A tenant is a municipality (or region) identified by a short lower-case name, e.g. {@code musterstadt}. */
public final class Tenants {

    private Tenants() {
    }

    public static String require(String tenant) {
        if (!IdCharacters.isTenant(tenant)) {
            throw new IllegalArgumentException("Tenant '" + tenant + "' must be 1-63 lower-case letters, digits or dashes");
        }
        return tenant;
    }
}
