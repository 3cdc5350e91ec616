package io.urbanhub.api.query;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The current state of a tenant's entities. Every call is scoped to one tenant: no result crosses tenants. */
@ProviderType
public interface EntityQueries {

    Optional<EntityState> byId(String tenant, String entityId);

    /** Entities ordered by id. */
    Page<EntityState> find(String tenant, EntityFilter filter, int offset, int limit, boolean count);

    /** The entity types the tenant has, in alphabetical order. */
    List<String> types(String tenant);

    /** The attribute names the tenant's entities have, in alphabetical order. */
    List<String> attributes(String tenant);
}
