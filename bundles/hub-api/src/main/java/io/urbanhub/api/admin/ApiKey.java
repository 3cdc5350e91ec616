package io.urbanhub.api.admin;

import java.time.Instant;
import java.util.Set;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Tenants;

/**
 * An API key's grant as the hub keeps it; the key itself is never kept, only its hash.
 *
 * @param id          the key's public part, which names it in listings and logs
 * @param tenant      the only tenant it opens
 * @param access      what it may do there
 * @param types       the entity types it opens, Smart Data Model type names; empty: all of the tenant's types
 * @param description whose key it is, e.g. the app that uses it
 * @param created     when it was issued
 */
public record ApiKey(String id, String tenant, AccessLevel access, Set<String> types, String description, Instant created) {

    public ApiKey {
        Tenants.require(tenant);
        types.forEach(EntityId::requireType);
        types = Set.copyOf(types);
        description = description == null ? "" : description.trim();
    }
}
