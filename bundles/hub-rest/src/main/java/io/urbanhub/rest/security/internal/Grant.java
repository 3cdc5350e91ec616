package io.urbanhub.rest.security.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Tenants;

/**
 * What a caller may do with one tenant's data (or every tenant's, {@code *}).
 *
 * @param types the entity types it covers; empty: all of them
 */
public record Grant(String tenant, AccessLevel level, Set<String> types) {

    public static final String ANY_TENANT = "*";

    public Grant {
        if (!ANY_TENANT.equals(tenant)) {
            Tenants.require(tenant);
        }
        types.forEach(EntityId::requireType);
        types = Set.copyOf(types);
    }

    /** {@code tenant:level} or {@code tenant:level:Type1,Type2}, as a token's roles claim carries them. */
    public static Grant parse(String text) {
        String[] parts = text.trim().split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("A grant is tenant:level[:Type,…], not '" + text + "'");
        }
        Set<String> types = parts.length == 3
                ? Arrays.stream(parts[2].split(",")).map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toSet())
                : Set.of();
        if (parts.length == 3 && types.isEmpty()) {
            // a template that filled in no type must not open them all
            throw new IllegalArgumentException("A grant that names types must name at least one, not '" + text + "'");
        }
        return new Grant(parts[0].trim(), AccessLevel.parse(parts[1]), types);
    }

    boolean covers(String tenant, AccessLevel wanted) {
        return (ANY_TENANT.equals(this.tenant) || this.tenant.equals(tenant)) && level.includes(wanted);
    }
}
