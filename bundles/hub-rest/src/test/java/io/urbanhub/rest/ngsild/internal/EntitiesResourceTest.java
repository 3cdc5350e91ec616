package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.rest.security.internal.TestCallers;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;

class EntitiesResourceTest {

    private static final String ID = "urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-1";
    private static final String STORED = "{\"id\":\"" + ID + "\",\"type\":\"IndoorEnvironmentObserved\","
            + "\"temperature\":{\"type\":\"Property\",\"value\":4.2,\"unitCode\":\"CEL\",\"observedAt\":\"2026-11-27T10:00:00Z\"},"
            + "\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[7.62,51.96]}},"
            + "\"@context\":[\"" + NgsiLdRepresentation.CORE_CONTEXT + "\"]}";

    private final EntityQueries store = new EntityQueries() {
        @Override
        public Optional<EntityState> byId(String tenant, String entityId) {
            return tenant.equals("musterstadt") && entityId.equals(ID)
                    ? Optional.of(new EntityState(ID, "IndoorEnvironmentObserved", Instant.EPOCH, STORED))
                    : Optional.empty();
        }

        @Override
        public Page<EntityState> find(String tenant, EntityFilter filter, int offset, int limit, boolean count) {
            List<EntityState> all = byId(tenant, ID).stream().toList();
            return new Page<>(all, count ? all.size() : -1);
        }

        @Override
        public List<String> types(String tenant) {
            return List.of("IndoorEnvironmentObserved");
        }

        @Override
        public List<String> attributes(String tenant) {
            return List.of("temperature");
        }
    };
    private final EntitiesResource resource = new EntitiesResource(store, new NgsiLdRequests("", tenant -> true, TestCallers.OPERATOR));

    @Test
    void aPlainJsonRequestGetsTheContextInTheLinkHeader() throws Exception {
        Response response = resource.entity(ID, "musterstadt", null, "application/json");
        assertEquals(200, response.getStatus());
        JsonNode entity = json(response);
        assertFalse(entity.has("@context"));
        assertEquals("CEL", entity.at("/temperature/unitCode").asText());
        assertTrue(response.getHeaderString("Link").contains(NgsiLdRepresentation.CORE_CONTEXT));
    }

    @Test
    void keyValuesAndLdJsonGiveSimplifiedValuesWithTheContextInTheBody() throws Exception {
        Response response = resource.entity(ID, "musterstadt", "keyValues", "application/ld+json");
        JsonNode entity = json(response);
        assertEquals(4.2, entity.get("temperature").asDouble());
        assertEquals("Point", entity.at("/location/type").asText());
        assertTrue(entity.has("@context"));
        assertEquals(null, response.getHeaderString("Link"));
    }

    @Test
    void queriesCountAndRefuseWhatNgsiLdRefuses() throws Exception {
        Response found = resource.entities("IndoorEnvironmentObserved", null, null, "temperature", null, null, null, null, 20, 0, true, null, "musterstadt", null);
        assertEquals(1, json(found).size());
        assertTrue(json(found).get(0).has("temperature"));
        assertFalse(json(found).get(0).has("location"), "attrs=temperature leaves the others out");
        assertEquals("1", found.getHeaderString(EntitiesResource.COUNT_HEADER));

        assertProblem(resource.entities(null, null, null, null, null, null, null, null, 20, 0, false, null, "musterstadt", null), 400, "BadRequestData");
        assertProblem(resource.entities("T", null, null, null, null, null, null, null, 5000, 0, false, null, "musterstadt", null), 400, "BadRequestData");
        assertProblem(resource.entities(null, null, "(", null, null, null, null, null, 20, 0, false, null, "musterstadt", null), 400, "BadRequestData");
        assertProblem(resource.entity(ID, null, null, null), 400, "BadRequestData");
        assertProblem(resource.entities(null, null, null, null, null, "overlaps", "Polygon", "[[[0,0],[1,0],[1,1],[0,0]]]", 20, 0,
                false, null, "musterstadt", null), 501, "OperationNotSupported");
        assertProblem(resource.entities(null, null, null, null, null, "near;maxDistance==x", "Point", "[7.6,51.9]", 20, 0,
                false, null, "musterstadt", null), 400, "BadRequestData");
        assertProblem(resource.entities(null, null, null, null, null, "near;maxDistance==100", "Point", "[7.6]", 20, 0,
                false, null, "musterstadt", null), 400, "BadRequestData");
        assertEquals(200, resource.entities(null, null, null, null, null, "near;maxDistance==100", "Point", "[7.6,51.9]", 20, 0,
                false, null, "musterstadt", null).getStatus());
        assertProblem(resource.entity(ID, "nachbarstadt", null, null), 404, "ResourceNotFound");
    }

    @Test
    void aMalformedQIsBadRequestDataAndPatternMatchingIsNotSupported() throws Exception {
        Response unbalanced = resource.entities(null, null, null, null, "(temperature>5|status==\"free\"", null, null, null, 20, 0,
                false, null, "musterstadt", null);
        assertProblem(unbalanced, 400, "BadRequestData");
        assertTrue(json(unbalanced).get("detail").asText().contains("position 1"));
        assertProblem(resource.entities(null, null, null, null, "name~=\"^Cold\"", null, null, null, 20, 0,
                false, null, "musterstadt", null), 501, "OperationNotSupported");
        assertEquals(200, resource.entities(null, null, null, null, "(temperature==0..5|status==\"free\",\"occupied\");temperature!=3",
                null, null, null, 20, 0, false, null, "musterstadt", null).getStatus());
    }

    private static void assertProblem(Response response, int status, String type) throws Exception {
        assertEquals(status, response.getStatus());
        assertEquals("https://uri.etsi.org/ngsi-ld/errors/" + type, json(response).get("type").asText());
    }

    private static JsonNode json(Response response) throws Exception {
        return new ObjectMapper().readTree((String) response.getEntity());
    }
}
