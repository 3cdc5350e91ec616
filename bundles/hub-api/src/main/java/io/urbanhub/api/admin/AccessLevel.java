package io.urbanhub.api.admin;

import java.util.Locale;

/** What a caller may do with a tenant's data through the API; each level includes the ones before it. */
public enum AccessLevel {
    /** Query entities, their history and types. */
    READ,
    /** Also manage subscriptions, which send the data on. */
    WRITE,
    /** Also manage the tenant's API keys. */
    ADMIN;

    public boolean includes(AccessLevel other) {
        return compareTo(other) >= 0;
    }

    /** {@code read}, {@code write} or {@code admin}, in any case. */
    public static AccessLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("An access level is read, write or admin, not '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
