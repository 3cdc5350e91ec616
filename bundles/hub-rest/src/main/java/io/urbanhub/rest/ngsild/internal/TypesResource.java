package io.urbanhub.rest.ngsild.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.rest.security.internal.AccessProblems;
import io.urbanhub.rest.security.internal.TypeScope;

/** What a tenant's data layer holds: {@code GET /types} and {@code GET /attributes}. */
@Path("/")
@Produces({MediaType.APPLICATION_JSON, EntitiesResource.LD_JSON})
public class TypesResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EntityQueries queries;
    private final NgsiLdRequests requests;

    TypesResource(EntityQueries queries, NgsiLdRequests requests) {
        this.queries = queries;
        this.requests = requests;
    }

    @GET
    @Path("types")
    public Response types(@HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        try {
            String tenant = requests.tenant(tenantHeader);
            TypeScope scope = requests.scope(tenant, AccessLevel.READ);
            return list("EntityTypeList", "typeList", queries.types(tenant).stream().filter(scope::allows).toList(), accept);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
    }

    @GET
    @Path("attributes")
    public Response attributes(@HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader,
                               @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        try {
            String tenant = requests.tenant(tenantHeader);
            if (!requests.scope(tenant, AccessLevel.READ).isAll()) {
                // the store lists attributes per tenant, not per type: they would tell of types out of reach
                return AccessProblems.forbidden("Listing attributes takes read access to all types of tenant " + tenant);
            }
            return list("EntityAttributeList", "attributeList", queries.attributes(tenant), accept);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
    }

    private static Response list(String type, String member, List<String> names, String accept) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "urn:ngsi-ld:" + type + ":" + UUID.randomUUID());
        body.put("type", type);
        ArrayNode list = body.putArray(member);
        names.forEach(list::add);
        if (NgsiLdRequests.wantsLd(accept)) {
            body.putArray("@context").add(NgsiLdRepresentation.CORE_CONTEXT);
        }
        return NgsiLdRequests.ok(body.toString(), accept);
    }
}
