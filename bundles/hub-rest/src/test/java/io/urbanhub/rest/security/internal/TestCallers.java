package io.urbanhub.rest.security.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.urbanhub.api.admin.AccessLevel;

/** Callers for tests that call resources directly, without the filter that would name them. */
public final class TestCallers {

    /** An operator with the admin role: every tenant, every type. */
    public static final Supplier<Caller> OPERATOR =
            () -> Caller.authenticated("user it-admin", List.of(new Grant(Grant.ANY_TENANT, AccessLevel.ADMIN, Set.of())), List.of());

    private TestCallers() {
    }

    /** A key of one tenant at one level; no types: all of the tenant's types. */
    public static Caller key(String tenant, AccessLevel level, String... types) {
        return Caller.authenticated("key it-" + tenant, List.of(new Grant(tenant, level, Set.of(types))), List.of());
    }
}
