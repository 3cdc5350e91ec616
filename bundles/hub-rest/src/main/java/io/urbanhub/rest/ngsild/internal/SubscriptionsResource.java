package io.urbanhub.rest.ngsild.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.rest.security.internal.AccessProblems;
import io.urbanhub.rest.security.internal.TypeScope;

/** NGSI-LD subscriptions: {@code POST/GET /subscriptions} and {@code GET/PATCH/DELETE /subscriptions/{id}}. */
@Path("/subscriptions")
@Produces({MediaType.APPLICATION_JSON, EntitiesResource.LD_JSON})
public class SubscriptionsResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SubscriptionService subscriptions;
    private final NgsiLdRequests requests;

    SubscriptionsResource(SubscriptionService subscriptions, NgsiLdRequests requests) {
        this.subscriptions = subscriptions;
        this.requests = requests;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, EntitiesResource.LD_JSON})
    public Response create(InputStream body, @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader) {
        try {
            String tenant = requests.tenant(tenantHeader, AccessLevel.WRITE);
            String json = RequestBodies.text(body);
            requireReach(tenant, RequestBodies.json(json, "The subscription"));
            ObjectNode created = subscriptions.create(tenant, json);
            return Response.created(URI.create("/ngsi-ld/v1/subscriptions/" + created.get("id").asText())).build();
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            return NgsiLdErrors.alreadyExists(e.getMessage());
        }
    }

    @GET
    public Response list(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("count") @DefaultValue("false") boolean count,
                         @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String tenant;
        try {
            tenant = requests.tenant(tenantHeader, AccessLevel.WRITE);
            if (limit < 0 || limit > EntitiesResource.MAX_LIMIT || offset < 0) {
                throw new IllegalArgumentException("limit must be 0 to " + EntitiesResource.MAX_LIMIT + " and offset not negative");
            }
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
        List<ObjectNode> page;
        long total;
        if (requests.scope(tenant, AccessLevel.WRITE).isAll()) {
            page = subscriptions.list(tenant, offset, limit);
            total = count ? subscriptions.count(tenant) : 0;
        } else {
            List<ObjectNode> reachable = subscriptions.list(tenant, 0, Integer.MAX_VALUE).stream()
                    .filter(subscription -> mayReach(tenant, subscription)).toList();
            page = reachable.stream().skip(offset).limit(limit).toList();
            total = reachable.size();
        }
        ArrayNode body = MAPPER.createArrayNode();
        page.forEach(subscription -> body.add(withContext(subscription, accept)));
        Response.ResponseBuilder response = NgsiLdRequests.okBuilder(body.toString(), accept);
        if (count) {
            response.header(EntitiesResource.COUNT_HEADER, total);
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader,
                        @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String tenant;
        try {
            tenant = requests.tenant(tenantHeader, AccessLevel.WRITE);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
        return subscriptions.get(tenant, id)
                .map(subscription -> requireReach(tenant, subscription))
                .map(subscription -> NgsiLdRequests.ok(withContext(subscription, accept).toString(), accept))
                .orElseGet(() -> NgsiLdErrors.notFound("No subscription " + id + " of tenant " + tenant));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, EntitiesResource.LD_JSON, "application/merge-patch+json"})
    public Response patch(@PathParam("id") String id, InputStream fragment,
                          @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader) {
        try {
            String tenant = requests.tenant(tenantHeader, AccessLevel.WRITE);
            String json = RequestBodies.text(fragment);
            subscriptions.get(tenant, id).ifPresent(subscription -> requireReach(tenant, subscription));
            JsonNode changes = RequestBodies.json(json, "The fragment");
            if (changes.has("entities")) {
                requireReach(tenant, changes);
            }
            return subscriptions.patch(tenant, id, json) ? Response.noContent().build()
                    : NgsiLdErrors.notFound("No subscription " + id + " of tenant " + tenant);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader) {
        try {
            String tenant = requests.tenant(tenantHeader, AccessLevel.WRITE);
            subscriptions.get(tenant, id).ifPresent(subscription -> requireReach(tenant, subscription));
            return subscriptions.delete(tenant, id) ? Response.noContent().build()
                    : NgsiLdErrors.notFound("No subscription " + id + " of tenant " + tenant);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
    }

    /**
     * A caller with a grant for some types only may manage the subscriptions that watch those types only: one without
     * entities watches every type.
     */
    private boolean mayReach(String tenant, JsonNode subscription) {
        TypeScope scope = requests.scope(tenant, AccessLevel.WRITE);
        if (scope.isAll()) {
            return true;
        }
        Set<String> types = new HashSet<>();
        for (JsonNode selector : subscription.path("entities")) {
            types.add(selector.path("type").asText());
        }
        return !types.isEmpty() && scope.allowsAll(types);
    }

    private <T extends JsonNode> T requireReach(String tenant, T subscription) {
        if (!mayReach(tenant, subscription)) {
            throw new WebApplicationException(AccessProblems.forbidden("This caller may manage"
                    + " subscriptions to " + requests.scope(tenant, AccessLevel.WRITE) + " of tenant " + tenant
                    + " only, each naming its types in entities"));
        }
        return subscription;
    }

    private static ObjectNode withContext(ObjectNode subscription, String accept) {
        if (NgsiLdRequests.wantsLd(accept)) {
            subscription.putArray("@context").add(NgsiLdRepresentation.CORE_CONTEXT);
        }
        return subscription;
    }
}
