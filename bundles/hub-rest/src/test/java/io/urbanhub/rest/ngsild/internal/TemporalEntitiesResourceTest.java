package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.rest.security.internal.TestCallers;
import io.urbanhub.api.query.AttributeValue;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;

class TemporalEntitiesResourceTest {

    private static final String ID = "urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-1";
    private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-27T10:05:00Z");

    private final AtomicReference<TimeRange> askedRange = new AtomicReference<>();
    private final TemporalQueries store = new TemporalQueries() {
        @Override
        public Optional<History> history(String tenant, String entityId, Set<String> attributes, TimeRange range, int lastN) {
            askedRange.set(range);
            return tenant.equals("musterstadt") ? Optional.of(new History("IndoorEnvironmentObserved", List.of(
                    new AttributeValue("temperature", T2, 4.5, "CEL"), new AttributeValue("temperature", T1, 4.0, "CEL"))))
                    : Optional.empty();
        }

        @Override
        public Optional<Aggregated> aggregate(String tenant, String entityId, Set<String> attributes, TimeRange range,
                                              java.time.Duration period) {
            return Optional.of(new Aggregated("IndoorEnvironmentObserved", List.of(
                    new io.urbanhub.api.query.Aggregate("temperature", T1, T1.plus(period), 4.25, 4.0, 4.5, 8.5, 2))));
        }

        @Override
        public List<EntityValue> valuesOfType(String tenant, String entityType, TimeRange range, int limit) {
            return List.of();
        }
    };
    private final AtomicReference<EntityFilter> askedFilter = new AtomicReference<>();
    private final EntityQueries entities = new EntityQueries() {
        @Override
        public Optional<EntityState> byId(String tenant, String entityId) {
            return Optional.empty();
        }

        @Override
        public Page<EntityState> find(String tenant, EntityFilter filter, int offset, int limit, boolean count) {
            askedFilter.set(filter);
            List<EntityState> found = tenant.equals("musterstadt")
                    ? List.of(new EntityState(ID, "IndoorEnvironmentObserved", T2, "{}")) : List.of();
            return new Page<>(found, count ? found.size() : -1);
        }

        @Override
        public List<String> types(String tenant) {
            return List.of();
        }

        @Override
        public List<String> attributes(String tenant) {
            return List.of();
        }
    };
    private final TemporalEntitiesResource resource = new TemporalEntitiesResource(store, entities, new NgsiLdRequests("", tenant -> true, TestCallers.OPERATOR));

    @Test
    void givesEveryInstanceOfAnAttributeInTimeOrder() throws Exception {
        Response response = resource.history(ID, "between", T1.toString(), T2.plusSeconds(1).toString(), null, null, null, null, null,
                "musterstadt", "application/json");
        JsonNode entity = new ObjectMapper().readTree((String) response.getEntity());
        assertEquals(2, entity.get("temperature").size());
        assertEquals(4.0, entity.at("/temperature/0/value").asDouble());
        assertEquals("2026-11-27T10:05:00Z", entity.at("/temperature/1/observedAt").asText());
        assertEquals(new TimeRange(T1, T2.plusSeconds(1)), askedRange.get());
    }

    @Test
    void temporalValuesArePairsOfValueAndTime() throws Exception {
        Response response = resource.history(ID, null, null, null, 2, "temperature", "temporalValues", null, null, "musterstadt", null);
        JsonNode entity = new ObjectMapper().readTree((String) response.getEntity());
        assertEquals(4.0, entity.at("/temperature/values/0/0").asDouble());
        assertEquals("2026-11-27T10:00:00Z", entity.at("/temperature/values/0/1").asText());
    }

    @Test
    void aggregatesPerPeriodAsValueStartEndTriples() throws Exception {
        Response response = resource.history(ID, null, null, null, null, null, "aggregatedValues", "max,avg", "PT1H",
                "musterstadt", null);
        JsonNode entity = new ObjectMapper().readTree((String) response.getEntity());
        assertEquals(4.25, entity.at("/temperature/avg/0/0").asDouble());
        assertEquals(4.5, entity.at("/temperature/max/0/0").asDouble());
        assertEquals("2026-11-27T10:00:00Z", entity.at("/temperature/avg/0/1").asText());
        assertEquals("2026-11-27T11:00:00Z", entity.at("/temperature/avg/0/2").asText());
        assertEquals(400, resource.history(ID, null, null, null, null, null, null, "median", "PT1H", "musterstadt", null).getStatus());
        assertEquals(400, resource.history(ID, null, null, null, null, null, null, "avg", "P1M", "musterstadt", null).getStatus());
        assertEquals(400, resource.history(ID, null, null, null, null, null, "aggregatedValues", null, "PT1H", "musterstadt", null)
                .getStatus());
    }

    @Test
    void aTemporalQueryGivesTheHistoryOfEveryEntityItSelects() throws Exception {
        Response response = resource.query("IndoorEnvironmentObserved", null, null, "temperature>3", null, null, null,
                "after", T1.toString(), null, null, null, "temporalValues", null, null, 20, 0, true, "musterstadt", null);

        assertEquals(200, response.getStatus());
        assertEquals("1", response.getHeaderString(EntitiesResource.COUNT_HEADER));
        JsonNode list = new ObjectMapper().readTree((String) response.getEntity());
        assertEquals(ID, list.at("/0/id").asText());
        assertEquals(4.0, list.at("/0/temperature/values/0/0").asDouble());
        assertEquals(Set.of("IndoorEnvironmentObserved"), askedFilter.get().types());
        assertEquals(new TimeRange(T1, null), askedRange.get());
        assertEquals(400, resource.query(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, 20, 0, false, "musterstadt", null).getStatus(), "a query needs a selection");
        assertEquals(400, resource.query("T", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, TemporalEntitiesResource.MAX_ENTITIES + 1, 0, false, "musterstadt", null).getStatus());
        assertEquals(400, resource.query("T", null, null, "temperature>>", null, null, null, null, null, null, null, null,
                null, null, null, 20, 0, false, "musterstadt", null).getStatus());
    }

    @Test
    void refusesBadTimeQueriesAndUnknownEntities() {
        assertEquals(400, resource.history(ID, "between", T1.toString(), null, null, null, null, null, null, "musterstadt", null).getStatus());
        assertEquals(400, resource.history(ID, "after", "yesterday", null, null, null, null, null, null, "musterstadt", null).getStatus());
        assertEquals(400, resource.history(ID, "during", T1.toString(), null, null, null, null, null, null, "musterstadt", null).getStatus());
        assertEquals(400, resource.history(ID, null, null, null, 0, null, null, null, null, "musterstadt", null).getStatus());
        assertEquals(404, resource.history(ID, null, null, null, null, null, null, null, null, "nachbarstadt", null).getStatus());
        assertThrows(IllegalArgumentException.class, () -> TemporalEntitiesResource.range("between", T2.toString(), T1.toString()));
    }
}
