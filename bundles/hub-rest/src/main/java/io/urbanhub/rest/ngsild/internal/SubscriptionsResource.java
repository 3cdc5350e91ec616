package io.urbanhub.rest.ngsild.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
            ObjectNode created = subscriptions.create(requests.tenant(tenantHeader), RequestBodies.text(body));
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
            tenant = requests.tenant(tenantHeader);
            if (limit < 0 || limit > EntitiesResource.MAX_LIMIT || offset < 0) {
                throw new IllegalArgumentException("limit must be 0 to " + EntitiesResource.MAX_LIMIT + " and offset not negative");
            }
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
        List<ObjectNode> page = subscriptions.list(tenant, offset, limit);
        ArrayNode body = MAPPER.createArrayNode();
        page.forEach(subscription -> body.add(withContext(subscription, accept)));
        Response.ResponseBuilder response = NgsiLdRequests.okBuilder(body.toString(), accept);
        if (count) {
            response.header(EntitiesResource.COUNT_HEADER, subscriptions.count(tenant));
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader,
                        @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String tenant;
        try {
            tenant = requests.tenant(tenantHeader);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
        return subscriptions.get(tenant, id)
                .map(subscription -> NgsiLdRequests.ok(withContext(subscription, accept).toString(), accept))
                .orElseGet(() -> NgsiLdErrors.notFound("No subscription " + id + " of tenant " + tenant));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, EntitiesResource.LD_JSON, "application/merge-patch+json"})
    public Response patch(@PathParam("id") String id, InputStream fragment,
                          @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader) {
        try {
            String tenant = requests.tenant(tenantHeader);
            return subscriptions.patch(tenant, id, RequestBodies.text(fragment)) ? Response.noContent().build()
                    : NgsiLdErrors.notFound("No subscription " + id + " of tenant " + tenant);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader) {
        try {
            String tenant = requests.tenant(tenantHeader);
            return subscriptions.delete(tenant, id) ? Response.noContent().build()
                    : NgsiLdErrors.notFound("No subscription " + id + " of tenant " + tenant);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
    }

    private static ObjectNode withContext(ObjectNode subscription, String accept) {
        if (NgsiLdRequests.wantsLd(accept)) {
            subscription.putArray("@context").add(NgsiLdRepresentation.CORE_CONTEXT);
        }
        return subscription;
    }
}
