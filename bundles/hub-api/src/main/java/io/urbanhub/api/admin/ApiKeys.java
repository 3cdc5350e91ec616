package io.urbanhub.api.admin;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The API keys that open one tenant's data to an app, issued and revoked at run time. */
@ProviderType
public interface ApiKeys {

    /**
     * @param types the entity types the key opens; empty: all
     * @throws IllegalArgumentException for a malformed tenant or type
     */
    IssuedApiKey issue(String tenant, AccessLevel access, Set<String> types, String description);

    List<ApiKey> all();

    /** False when no key has that id. A revoked key is refused from the next request on. */
    boolean revoke(String id);
}
