package io.urbanhub.rest.ngsild.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.query.Aggregate;
import io.urbanhub.api.query.AttributeValue;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;

/**
 * The temporal evolution of one entity, {@code GET /temporal/entities/{id}}, or of the entities a query
 * selects, {@code GET /temporal/entities?type=…} (as {@code GET /entities} selects them), with {@code timerel}
 * ({@code before}, {@code after}, {@code between}), {@code timeAt}, {@code endTimeAt}, {@code lastN} and
 * {@code attrs}; normalized, {@code options=temporalValues} for [value, time] pairs, or aggregated per period
 * with {@code aggrMethods} ({@code avg,min,max,sum,totalCount}) and {@code aggrPeriodDuration} (e.g. PT1H).
 */
@Path("/temporal/entities")
@Produces({MediaType.APPLICATION_JSON, EntitiesResource.LD_JSON})
public class TemporalEntitiesResource {

    /** Values per attribute when the client does not say; NGSI-LD lets the server bound the answer. */
    static final int DEFAULT_LAST_N = 1000;
    static final int MAX_LAST_N = 10_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Most entities in one answer of a temporal query: each brings its own time series. */
    static final int MAX_ENTITIES = 100;

    private final TemporalQueries queries;
    private final EntityQueries entities;
    private final NgsiLdRequests requests;

    TemporalEntitiesResource(TemporalQueries queries, EntityQueries entities, NgsiLdRequests requests) {
        this.queries = queries;
        this.entities = entities;
        this.requests = requests;
    }

    /** What a temporal request asks of each entity. */
    private record Wanted(TimeRange range, int lastN, Set<String> attributes, boolean temporalValues,
                          List<String> aggrMethods, Duration aggrPeriod) {

        static Wanted of(String timerel, String timeAt, String endTimeAt, Integer lastN, String attrs, String options,
                         String aggrMethods, String aggrPeriodDuration) {
            int limit = lastN == null ? DEFAULT_LAST_N : lastN;
            if (limit < 1 || limit > MAX_LAST_N) {
                throw new IllegalArgumentException("lastN must be 1 to " + MAX_LAST_N);
            }
            Set<String> optionSet = NgsiLdRequests.list(options);
            boolean aggregated = aggrMethods != null || optionSet.contains("aggregatedValues");
            return new Wanted(TemporalEntitiesResource.range(timerel, timeAt, endTimeAt), limit, NgsiLdRequests.list(attrs),
                    optionSet.contains("temporalValues"), aggregated ? Aggregations.methods(aggrMethods) : null,
                    aggregated ? Aggregations.period(aggrPeriodDuration) : null);
        }
    }

    @GET
    @Path("{id}")
    public Response history(@PathParam("id") String id, @QueryParam("timerel") String timerel,
                            @QueryParam("timeAt") String timeAt, @QueryParam("endTimeAt") String endTimeAt,
                            @QueryParam("lastN") Integer lastN, @QueryParam("attrs") String attrs,
                            @QueryParam("options") String options, @QueryParam("aggrMethods") String aggrMethods,
                            @QueryParam("aggrPeriodDuration") String aggrPeriodDuration,
                            @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader,
                            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String tenant;
        Wanted wanted;
        try {
            tenant = requests.tenant(tenantHeader);
            wanted = Wanted.of(timerel, timeAt, endTimeAt, lastN, attrs, options, aggrMethods, aggrPeriodDuration);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
        return temporalEntity(tenant, id, wanted, NgsiLdRequests.wantsLd(accept))
                .map(entity -> {
                    requests.requireType(tenant, AccessLevel.READ, entity.path("type").asText());
                    return entity;
                })
                .map(entity -> NgsiLdRequests.ok(entity.toString(), accept))
                .orElseGet(() -> NgsiLdErrors.notFound("No entity " + id + " of tenant " + tenant));
    }

    /** The temporal evolution of every entity a query selects, in the order of their ids. */
    @GET
    public Response query(@QueryParam("type") String type, @QueryParam("id") String ids,
                          @QueryParam("idPattern") String idPattern, @QueryParam("q") String q,
                          @QueryParam("georel") String georel, @QueryParam("geometry") String geometry,
                          @QueryParam("coordinates") String coordinates,
                          @QueryParam("timerel") String timerel, @QueryParam("timeAt") String timeAt,
                          @QueryParam("endTimeAt") String endTimeAt, @QueryParam("lastN") Integer lastN,
                          @QueryParam("attrs") String attrs, @QueryParam("options") String options,
                          @QueryParam("aggrMethods") String aggrMethods,
                          @QueryParam("aggrPeriodDuration") String aggrPeriodDuration,
                          @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("offset") @DefaultValue("0") int offset,
                          @QueryParam("count") @DefaultValue("false") boolean count,
                          @HeaderParam(EntitiesResource.TENANT_HEADER) String tenantHeader,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String tenant;
        Wanted wanted;
        EntityFilter filter;
        try {
            tenant = requests.tenant(tenantHeader);
            if (type == null && ids == null && idPattern == null && georel == null && q == null) {
                throw new IllegalArgumentException("A temporal query needs at least type, id, idPattern, q or georel");
            }
            if (limit < 0 || limit > MAX_ENTITIES || offset < 0) {
                throw new IllegalArgumentException("limit must be 0 to " + MAX_ENTITIES + " and offset not negative");
            }
            wanted = Wanted.of(timerel, timeAt, endTimeAt, lastN, attrs, options, aggrMethods, aggrPeriodDuration);
            filter = new EntityFilter(requests.types(tenant, AccessLevel.READ, NgsiLdRequests.list(type)),
                    NgsiLdRequests.list(ids), idPattern,
                    GeoQuery.parse(georel, geometry, coordinates), QueryLanguage.parse(q));
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        } catch (UnsupportedOperationException e) {
            return NgsiLdErrors.notSupported(e.getMessage());
        }
        Page<EntityState> page = entities.find(tenant, filter, offset, limit, count);
        ArrayNode body = MAPPER.createArrayNode();
        for (EntityState entity : page.items()) {
            temporalEntity(tenant, entity.id(), wanted, NgsiLdRequests.wantsLd(accept)).ifPresent(body::add);
        }
        Response.ResponseBuilder response = NgsiLdRequests.okBuilder(body.toString(), accept);
        if (count) {
            response.header(EntitiesResource.COUNT_HEADER, page.total());
        }
        return response.build();
    }

    private Optional<ObjectNode> temporalEntity(String tenant, String id, Wanted wanted, boolean withContext) {
        if (wanted.aggrMethods() != null) {
            return queries.aggregate(tenant, id, wanted.attributes(), wanted.range(), wanted.aggrPeriod())
                    .map(aggregated -> renderAggregated(id, aggregated, wanted.aggrMethods(), withContext));
        }
        return queries.history(tenant, id, wanted.attributes(), wanted.range(), wanted.lastN())
                .map(history -> render(id, history, wanted.temporalValues(), withContext));
    }

    private static ObjectNode renderAggregated(String id, TemporalQueries.Aggregated aggregated, List<String> methods,
                                               boolean withContext) {
        ObjectNode entity = MAPPER.createObjectNode();
        entity.put("id", id);
        entity.put("type", aggregated.entityType());
        for (Aggregate aggregate : aggregated.aggregates()) {
            ObjectNode property = entity.has(aggregate.attribute()) ? (ObjectNode) entity.get(aggregate.attribute())
                    : entity.putObject(aggregate.attribute()).put("type", "Property");
            for (String method : methods) {
                ArrayNode values = property.has(method) ? (ArrayNode) property.get(method) : property.putArray(method);
                ArrayNode entry = values.addArray();
                Aggregations.addValue(entry, method, aggregate);
                entry.add(aggregate.start().toString()).add(aggregate.end().toString());
            }
        }
        if (withContext) {
            entity.putArray("@context").add(NgsiLdRepresentation.CORE_CONTEXT);
        }
        return entity;
    }

    static TimeRange range(String timerel, String timeAt, String endTimeAt) {
        if (timerel == null) {
            return TimeRange.ALL;
        }
        Instant at = instant("timeAt", timeAt);
        return switch (timerel) {
            case "before" -> new TimeRange(null, at);
            case "after" -> new TimeRange(at, null);
            case "between" -> new TimeRange(at, instant("endTimeAt", endTimeAt));
            default -> throw new IllegalArgumentException("timerel must be before, after or between, not " + timerel);
        };
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required with this timerel");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not an ISO 8601 date-time in UTC");
        }
    }

    private static ObjectNode render(String id, TemporalQueries.History history, boolean temporalValues, boolean withContext) {
        ObjectNode entity = MAPPER.createObjectNode();
        entity.put("id", id);
        entity.put("type", history.entityType());
        Map<String, List<AttributeValue>> byAttribute = new LinkedHashMap<>();
        history.values().stream()
                .sorted(Comparator.comparing(AttributeValue::attribute).thenComparing(AttributeValue::observedAt))
                .forEach(value -> byAttribute.computeIfAbsent(value.attribute(), a -> new java.util.ArrayList<>()).add(value));
        byAttribute.forEach((attribute, values) -> {
            if (temporalValues) {
                ObjectNode property = entity.putObject(attribute);
                property.put("type", "Property");
                ArrayNode pairs = property.putArray("values");
                values.forEach(value -> pairs.addArray().addPOJO(value.value()).add(value.observedAt().toString()));
            } else {
                ArrayNode instances = entity.putArray(attribute);
                for (AttributeValue value : values) {
                    ObjectNode instance = instances.addObject();
                    instance.put("type", "Property");
                    instance.set("value", MAPPER.valueToTree(value.value()));
                    if (value.unitCode() != null) {
                        instance.put("unitCode", value.unitCode());
                    }
                    instance.put("observedAt", value.observedAt().toString());
                }
            }
        });
        if (withContext) {
            entity.putArray("@context").add(NgsiLdRepresentation.CORE_CONTEXT);
        }
        return entity;
    }
}
