package io.urbanhub.api.admin;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The municipalities the hub serves, kept in the store and changed at run time. */
@ProviderType
public interface TenantRegistry {

    List<Tenant> all();

    Optional<Tenant> find(String id);

    /** Registers the tenant, or replaces the one with its id. */
    void put(Tenant tenant);

    /** False when no tenant has that id. Its data stays: removing a tenant forgets its registration only. */
    boolean remove(String id);
}
