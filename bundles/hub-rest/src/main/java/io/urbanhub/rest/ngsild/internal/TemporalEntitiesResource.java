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

import io.urbanhub.api.query.Aggregate;
import io.urbanhub.api.query.AttributeValue;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;

/**
 * The temporal evolution of one entity: {@code GET /temporal/entities/{id}} with {@code timerel}
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

    private final TemporalQueries queries;
    private final NgsiLdRequests requests;

    TemporalEntitiesResource(TemporalQueries queries, NgsiLdRequests requests) {
        this.queries = queries;
        this.requests = requests;
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
        TimeRange range;
        int limit;
        try {
            tenant = requests.tenant(tenantHeader);
            range = range(timerel, timeAt, endTimeAt);
            limit = lastN == null ? DEFAULT_LAST_N : lastN;
            if (limit < 1 || limit > MAX_LAST_N) {
                throw new IllegalArgumentException("lastN must be 1 to " + MAX_LAST_N);
            }
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
        if (aggrMethods != null || NgsiLdRequests.list(options).contains("aggregatedValues")) {
            return aggregated(tenant, id, NgsiLdRequests.list(attrs), range, aggrMethods, aggrPeriodDuration, accept);
        }
        Optional<TemporalQueries.History> history = queries.history(tenant, id, NgsiLdRequests.list(attrs), range, limit);
        if (history.isEmpty()) {
            return NgsiLdErrors.notFound("No entity " + id + " of tenant " + tenant);
        }
        boolean temporalValues = NgsiLdRequests.list(options).contains("temporalValues");
        return NgsiLdRequests.ok(render(id, history.get(), temporalValues, NgsiLdRequests.wantsLd(accept)).toString(), accept);
    }

    private Response aggregated(String tenant, String id, Set<String> attributes, TimeRange range, String aggrMethods,
                                String aggrPeriodDuration, String accept) {
        List<String> methods;
        Duration period;
        try {
            methods = Aggregations.methods(aggrMethods);
            period = Aggregations.period(aggrPeriodDuration);
        } catch (IllegalArgumentException e) {
            return NgsiLdErrors.badRequest(e.getMessage());
        }
        Optional<TemporalQueries.Aggregated> aggregated = queries.aggregate(tenant, id, attributes, range, period);
        if (aggregated.isEmpty()) {
            return NgsiLdErrors.notFound("No entity " + id + " of tenant " + tenant);
        }
        ObjectNode entity = MAPPER.createObjectNode();
        entity.put("id", id);
        entity.put("type", aggregated.get().entityType());
        for (Aggregate aggregate : aggregated.get().aggregates()) {
            ObjectNode property = entity.has(aggregate.attribute()) ? (ObjectNode) entity.get(aggregate.attribute())
                    : entity.putObject(aggregate.attribute()).put("type", "Property");
            for (String method : methods) {
                ArrayNode values = property.has(method) ? (ArrayNode) property.get(method) : property.putArray(method);
                ArrayNode entry = values.addArray();
                Aggregations.addValue(entry, method, aggregate);
                entry.add(aggregate.start().toString()).add(aggregate.end().toString());
            }
        }
        if (NgsiLdRequests.wantsLd(accept)) {
            entity.putArray("@context").add(NgsiLdRepresentation.CORE_CONTEXT);
        }
        return NgsiLdRequests.ok(entity.toString(), accept);
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
