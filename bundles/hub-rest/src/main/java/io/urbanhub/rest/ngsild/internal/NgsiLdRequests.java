package io.urbanhub.rest.ngsild.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.model.Tenants;
import io.urbanhub.rest.security.internal.AccessProblems;
import io.urbanhub.rest.security.internal.Caller;
import io.urbanhub.rest.security.internal.TypeScope;

/**
 * How every NGSI-LD resource reads a request alike: its tenant, what the caller may do there, the media type it
 * wants, list parameters.
 */
final class NgsiLdRequests {

    private final String defaultTenant;
    private final Predicate<String> exists;
    private final Supplier<Caller> callers;

    /**
     * @param exists  whether a tenant other than the default one exists
     * @param callers the caller of the request being served
     */
    NgsiLdRequests(String defaultTenant, Predicate<String> exists, Supplier<Caller> callers) {
        this.defaultTenant = defaultTenant;
        this.exists = exists;
        this.callers = callers;
    }

    /** The tenant the caller wants to read. */
    String tenant(String header) {
        return tenant(header, AccessLevel.READ);
    }

    /**
     * The tenant of the {@code NGSILD-Tenant} header, or the configured default, once the caller is allowed to act
     * there at {@code level}, on at least one type.
     *
     * @throws IllegalArgumentException when there is neither or the name is malformed
     * @throws WebApplicationException  401 for an anonymous caller, 403 for another tenant's caller, and NGSI-LD's
     *                                  404 NonexistentTenant when no such tenant exists
     */
    String tenant(String header, AccessLevel level) {
        String tenant = header == null || header.isBlank() ? defaultTenant : header.trim();
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("The " + EntitiesResource.TENANT_HEADER + " header is required");
        }
        Tenants.require(tenant);
        Caller caller = callers.get();
        if (caller.scope(tenant, level).isNone()) {
            throw new WebApplicationException(caller.isAuthenticated()
                    ? AccessProblems.forbidden(caller + " may not " + level + " data of tenant " + tenant)
                    : AccessProblems.unauthorized("Credentials are required to " + level + " data of tenant " + tenant
                            + ": an API key (X-API-Key), a bearer token or an operator's Basic credentials"));
        }
        if (!tenant.equals(defaultTenant) && !exists.test(tenant)) {
            throw new WebApplicationException(NgsiLdErrors.nonexistentTenant("No tenant " + tenant + " is registered"));
        }
        return tenant;
    }

    /** The types of the tenant the caller may act on at {@code level}. */
    TypeScope scope(String tenant, AccessLevel level) {
        return callers.get().scope(tenant, level);
    }

    /**
     * The types a query may cover: the requested ones when the caller may reach all of them, or, when none were
     * requested, the ones the caller may reach.
     *
     * @throws WebApplicationException 403 when a requested type is out of the caller's reach
     */
    Set<String> types(String tenant, AccessLevel level, Set<String> requested) {
        TypeScope scope = scope(tenant, level);
        if (!scope.allowsAll(requested)) {
            throw forbiddenType(tenant, level, scope);
        }
        return scope.narrow(requested);
    }

    /** @throws WebApplicationException 403 when the caller may not reach entities of {@code type} */
    void requireType(String tenant, AccessLevel level, String type) {
        TypeScope scope = scope(tenant, level);
        if (!scope.allows(type)) {
            throw forbiddenType(tenant, level, scope);
        }
    }

    private WebApplicationException forbiddenType(String tenant, AccessLevel level, TypeScope scope) {
        Caller caller = callers.get();
        String detail = caller + " may " + level + " only " + scope + " of tenant " + tenant;
        return new WebApplicationException(caller.isAuthenticated() ? AccessProblems.forbidden(detail)
                : AccessProblems.unauthorized(detail + "; credentials are required for the others"));
    }

    static boolean wantsLd(String accept) {
        return accept != null && accept.contains(EntitiesResource.LD_JSON);
    }

    static String mediaType(String accept) {
        return wantsLd(accept) ? EntitiesResource.LD_JSON : MediaType.APPLICATION_JSON;
    }

    /** 200 with the body; for plain JSON the @context travels in the Link header. */
    static Response.ResponseBuilder okBuilder(String body, String accept) {
        Response.ResponseBuilder response = Response.ok(body, mediaType(accept));
        if (!wantsLd(accept)) {
            response.header("Link", NgsiLdRepresentation.CONTEXT_LINK);
        }
        return response;
    }

    static Response ok(String body, String accept) {
        return okBuilder(body, accept).build();
    }

    static Set<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
