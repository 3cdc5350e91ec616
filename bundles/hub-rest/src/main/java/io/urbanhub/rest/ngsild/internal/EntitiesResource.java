package io.urbanhub.rest.ngsild.internal;


import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;

/** NGSI-LD entity retrieval and query: {@code GET /entities/{id}} and {@code GET /entities}. */
@Path("/entities")
@Produces({MediaType.APPLICATION_JSON, EntitiesResource.LD_JSON})
public class EntitiesResource {

    static final String LD_JSON = "application/ld+json";
    static final String TENANT_HEADER = "NGSILD-Tenant";
    static final String COUNT_HEADER = "NGSILD-Results-Count";
    static final int MAX_LIMIT = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EntityQueries queries;
    private final NgsiLdRequests requests;

    EntitiesResource(EntityQueries queries, NgsiLdRequests requests) {
        this.queries = queries;
        this.requests = requests;
    }

    @GET
    @Path("{id}")
    public Response entity(@PathParam("id") String id, @HeaderParam(TENANT_HEADER) String tenantHeader,
                           @QueryParam("options") String options, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String tenant;
        try {
            tenant = requests.tenant(tenantHeader);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
        return queries.byId(tenant, id)
                .map(entity -> {
                    requests.requireType(tenant, AccessLevel.READ, entity.type());
                    return entity;
                })
                .map(entity -> NgsiLdRequests.ok(NgsiLdRepresentation.render(entity.normalized(), keyValues(options),
                        NgsiLdRequests.wantsLd(accept)).toString(), accept))
                .orElseGet(() -> NgsiLdErrors.notFound("No entity " + id + " of tenant " + tenant));
    }

    @GET
    public Response entities(@QueryParam("type") String type, @QueryParam("id") String ids,
                             @QueryParam("idPattern") String idPattern, @QueryParam("attrs") String attrs,
                             @QueryParam("q") String q,
                             @QueryParam("georel") String georel, @QueryParam("geometry") String geometry,
                             @QueryParam("coordinates") String coordinates,
                             @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("offset") @DefaultValue("0") int offset,
                             @QueryParam("count") @DefaultValue("false") boolean count, @QueryParam("options") String options,
                             @HeaderParam(TENANT_HEADER) String tenantHeader, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String tenant;
        EntityFilter filter;
        try {
            tenant = requests.tenant(tenantHeader);
            if (type == null && ids == null && idPattern == null && georel == null && q == null) {
                throw new IllegalArgumentException("A query needs at least type, id, idPattern, q or georel");
            }
            if (limit < 0 || limit > MAX_LIMIT || offset < 0) {
                throw new IllegalArgumentException("limit must be 0 to " + MAX_LIMIT + " and offset not negative");
            }
            filter = new EntityFilter(requests.types(tenant, AccessLevel.READ, NgsiLdRequests.list(type)),
                    NgsiLdRequests.list(ids), idPattern,
                    GeoQuery.parse(georel, geometry, coordinates), QueryLanguage.parse(q));
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        } catch (UnsupportedOperationException e) {
            return NgsiLdErrors.notSupported(e.getMessage());
        }
        Page<EntityState> page = queries.find(tenant, filter, offset, limit, count);
        ArrayNode body = MAPPER.createArrayNode();
        for (EntityState entity : page.items()) {
            body.add(NgsiLdRepresentation.project(
                    NgsiLdRepresentation.render(entity.normalized(), keyValues(options), NgsiLdRequests.wantsLd(accept)),
                    NgsiLdRequests.list(attrs)));
        }
        Response.ResponseBuilder response = NgsiLdRequests.okBuilder(body.toString(), accept);
        if (count) {
            response.header(COUNT_HEADER, page.total());
        }
        return response.build();
    }

    private static boolean keyValues(String options) {
        return NgsiLdRequests.list(options).contains("keyValues");
    }
}
