package io.urbanhub.rest.security.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import io.urbanhub.api.admin.AccessLevel;

/** Who sent a request, as far as the hub could tell, and what the grants they hold allow. */
public final class Caller implements Principal {

    private final String name;
    private final boolean authenticated;
    private final List<Grant> grants;

    private Caller(String name, boolean authenticated, List<Grant> grants) {
        this.name = name;
        this.authenticated = authenticated;
        this.grants = List.copyOf(grants);
    }

    /** A request without credentials: it reaches the public types only. */
    public static Caller anonymous(List<Grant> publicGrants) {
        return new Caller("anonymous", false, publicGrants);
    }

    /** @param name how logs and errors name the caller: a key id, a token's subject, a user */
    public static Caller authenticated(String name, List<Grant> grants, List<Grant> publicGrants) {
        List<Grant> all = new ArrayList<>(grants);
        all.addAll(publicGrants);
        return new Caller(name, true, all);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    /** The types of {@code tenant} the caller may act on at {@code level}, joined over all its grants. */
    public TypeScope scope(String tenant, AccessLevel level) {
        TypeScope scope = TypeScope.NONE;
        for (Grant grant : grants) {
            if (grant.covers(tenant, level)) {
                scope = scope.union(grant.types().isEmpty() ? TypeScope.ALL : TypeScope.of(grant.types()));
            }
        }
        return scope;
    }

    @Override
    public String toString() {
        return name;
    }
}
