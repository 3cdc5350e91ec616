package io.urbanhub.rest.ngsild.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.urbanhub.api.model.Tenants;

/** How every NGSI-LD resource reads a request alike: its tenant, the media type it wants, list parameters. */
final class NgsiLdRequests {

    private final String defaultTenant;
    private final Predicate<String> exists;

    /** Takes any well-formed tenant. */
    NgsiLdRequests(String defaultTenant) {
        this(defaultTenant, tenant -> true);
    }

    /** @param exists whether a tenant other than the default one exists */
    NgsiLdRequests(String defaultTenant, Predicate<String> exists) {
        this.defaultTenant = defaultTenant;
        this.exists = exists;
    }

    /**
     * The tenant of the {@code NGSILD-Tenant} header, or the configured default.
     *
     * @throws IllegalArgumentException when there is neither or the name is malformed
     * @throws WebApplicationException  with NGSI-LD's 404 NonexistentTenant when no such tenant exists
     */
    String tenant(String header) {
        String tenant = header == null || header.isBlank() ? defaultTenant : header.trim();
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("The " + EntitiesResource.TENANT_HEADER + " header is required");
        }
        Tenants.require(tenant);
        if (!tenant.equals(defaultTenant) && !exists.test(tenant)) {
            throw new WebApplicationException(NgsiLdErrors.nonexistentTenant("No tenant " + tenant + " is registered"));
        }
        return tenant;
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
