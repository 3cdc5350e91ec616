package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.rest.security.internal.TestCallers;
import io.urbanhub.api.query.Aggregate;
import io.urbanhub.api.query.AttributeValue;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;

/** What the resources answer conforms to the ETSI NGSI-LD JSON schemas. */
class NgsiLdSchemaConformanceTest {

    private static final String TENANT = "musterstadt";
    private static final String ID = "urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-1";
    private static final String TYPE = "IndoorEnvironmentObserved";
    private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-27T10:05:00.250Z");
    /** As the data layer stores a current state: numbers with units, text, booleans, a location, the provider. */
    private static final String STORED = "{\"id\":\"" + ID + "\",\"type\":\"" + TYPE + "\","
            + "\"temperature\":{\"type\":\"Property\",\"value\":4.25,\"unitCode\":\"CEL\",\"observedAt\":\"2026-11-27T10:05:00.250Z\"},"
            + "\"batteryStatus\":{\"type\":\"Property\",\"value\":\"good\",\"observedAt\":\"2026-11-27T10:05:00.250Z\"},"
            + "\"doorOpen\":{\"type\":\"Property\",\"value\":false,\"observedAt\":\"2026-11-27T10:05:00.250Z\"},"
            + "\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[7.6261,51.9607]}},"
            + "\"dataProvider\":{\"type\":\"Property\",\"value\":\"chirpstack\"},"
            + "\"@context\":[\"" + NgsiLdRepresentation.CORE_CONTEXT + "\"]}";
    private static final List<String> ACCEPTS = Arrays.asList(null, "application/json", "application/ld+json");

    private final EntityQueries entities = new EntityQueries() {
        @Override
        public Optional<EntityState> byId(String tenant, String entityId) {
            return tenant.equals(TENANT) && entityId.equals(ID) ? Optional.of(new EntityState(ID, TYPE, T2, STORED)) : Optional.empty();
        }

        @Override
        public Page<EntityState> find(String tenant, EntityFilter filter, int offset, int limit, boolean count) {
            return new Page<>(byId(tenant, ID).stream().toList(), -1);
        }

        @Override
        public List<String> types(String tenant) {
            return List.of(TYPE, "OffStreetParking");
        }

        @Override
        public List<String> attributes(String tenant) {
            return List.of("batteryStatus", "doorOpen", "location", "temperature");
        }
    };
    private final TemporalQueries temporal = new TemporalQueries() {
        @Override
        public Optional<History> history(String tenant, String entityId, Set<String> attributes, TimeRange range, int lastN) {
            return Optional.of(new History(TYPE, List.of(new AttributeValue("temperature", T2, 4.25, "CEL"),
                    new AttributeValue("temperature", T1, 4.0, "CEL"), new AttributeValue("batteryStatus", T1, "good", null),
                    new AttributeValue("doorOpen", T1, true, null))));
        }

        @Override
        public List<EntityValue> valuesOfType(String tenant, String entityType, TimeRange range, int limit) {
            return List.of();
        }

        @Override
        public Optional<Aggregated> aggregate(String tenant, String entityId, Set<String> attributes, TimeRange range,
                                              Duration period) {
            return Optional.of(new Aggregated(TYPE, List.of(new Aggregate("temperature", T1, T1.plus(period), 4.125, 4.0, 4.25, 8.25, 2))));
        }
    };
    private final NgsiLdRequests requests = new NgsiLdRequests("", tenant -> true, TestCallers.OPERATOR);
    private final EntitiesResource entitiesResource = new EntitiesResource(entities, requests);
    private final TemporalEntitiesResource temporalResource = new TemporalEntitiesResource(temporal, entities, requests);
    private final TypesResource typesResource = new TypesResource(entities, requests);

    @Test
    void theSchemasRefuseWhatIsNotNgsiLd() {
        assertViolation(NgsiLdSchemas.ENTITY, "{\"id\":\"" + ID + "\",\"temperature\":{\"type\":\"Property\"}}",
                "required property 'type'");
        assertViolation(NgsiLdSchemas.ENTITY, "{\"id\":\"" + ID + "\",\"type\":\"" + TYPE + "\","
                + "\"location\":{\"type\":\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[7.6]}}}",
                "/location/value/coordinates");
        assertViolation(NgsiLdSchemas.ENTITY_TEMPORAL_VALUES, "{\"id\":\"" + ID + "\",\"type\":\"" + TYPE + "\","
                + "\"temperature\":{\"type\":\"Property\",\"values\":[[4.0,\"yesterday\"]]}}", "/temperature/values/0/1");
        assertViolation(NgsiLdSchemas.PROBLEM_DETAILS, "{\"title\":\"no type\"}", "required property 'type'");
    }

    /** Fails once ETSI's schemas know unitCode: then the test needs no longer leave it out. */
    @Test
    void theV13SchemasTakeAUnitCodeForASubAttribute() throws Exception {
        String withUnit = "{\"id\":\"" + ID + "\",\"type\":\"" + TYPE + "\","
                + "\"temperature\":{\"type\":\"Property\",\"value\":4.25,\"unitCode\":\"CEL\"}}";
        assertViolation(NgsiLdSchemas.ENTITY, withUnit, "/temperature/unitCode");
        assertTrue(NgsiLdSchemas.violations(NgsiLdSchemas.ENTITY, NgsiLdSchemas.withoutUnitCodes(withUnit)).isEmpty());
    }

    @Test
    void aNormalizedEntityConformsToEntity() throws Exception {
        for (String accept : ACCEPTS) {
            assertConforms(NgsiLdSchemas.ENTITY, entitiesResource.entity(ID, TENANT, null, accept));
        }
    }

    @Test
    void aKeyValuesEntityConformsToEntityKeyValues() throws Exception {
        for (String accept : ACCEPTS) {
            assertConforms(NgsiLdSchemas.ENTITY_KEY_VALUES, entitiesResource.entity(ID, TENANT, "keyValues", accept));
        }
    }

    @Test
    void aQueryAnswerConformsToEntityList() throws Exception {
        for (String accept : ACCEPTS) {
            assertConforms(NgsiLdSchemas.ENTITY_LIST, entitiesResource.entities(TYPE, null, null, null,
                    "(temperature==0..8|doorOpen==true);batteryStatus", null, null, null, 20, 0, true, null, TENANT, accept));
            assertConforms(NgsiLdSchemas.ENTITY_LIST, entitiesResource.entities(TYPE, null, null, "temperature,location", null,
                    null, null, null, 20, 0, false, null, TENANT, accept));
        }
        JsonNode keyValues = json(entitiesResource.entities(TYPE, null, null, null, null, null, null, null, 20, 0, false,
                "keyValues", TENANT, null));
        assertEquals(1, keyValues.size());
        for (JsonNode entity : keyValues) {
            assertConforms(NgsiLdSchemas.ENTITY_KEY_VALUES, entity.toString());
        }
    }

    @Test
    void aTemporalEntityConformsToEntityTemporal() throws Exception {
        for (String accept : ACCEPTS) {
            assertConforms(NgsiLdSchemas.ENTITY_TEMPORAL, temporalResource.history(ID, "after", T1.toString(), null, null,
                    null, null, null, null, TENANT, accept));
        }
    }

    @Test
    void temporalValuesConformToEntityTemporalValues() throws Exception {
        for (String accept : ACCEPTS) {
            assertConforms(NgsiLdSchemas.ENTITY_TEMPORAL_VALUES, temporalResource.history(ID, null, null, null, 5,
                    null, "temporalValues", null, null, TENANT, accept));
        }
    }

    /** The ETSI schemas (GS CIM 009 v1.3) have no aggregated representation; its envelope is still an entity's. */
    @Test
    void anAggregatedEntityHasAnEntitysIdTypeAndContext() throws Exception {
        JsonNode entity = json(temporalResource.history(ID, null, null, null, null, null, "aggregatedValues", "avg,max",
                "PT1H", TENANT, EntitiesResource.LD_JSON));
        entity.fieldNames().forEachRemaining(name -> assertConforms(NgsiLdSchemas.PROPERTY_NAMES, "\"" + name + "\""));
        assertConforms(NgsiLdSchemas.NAME, entity.get("type").toString());
        assertConforms(NgsiLdSchemas.LD_CONTEXT, entity.get("@context").toString());
        assertEquals(ID, entity.get("id").asText());
        assertEquals("Property", entity.at("/temperature/type").asText());
    }

    /** The ETSI schemas have no type or attribute list; their members are NGSI-LD names all the same. */
    @Test
    void typeAndAttributeListsHoldNgsiLdNames() throws Exception {
        for (String accept : ACCEPTS) {
            JsonNode types = json(typesResource.types(TENANT, accept));
            assertEquals("EntityTypeList", types.get("type").asText());
            assertTrue(types.get("id").asText().startsWith("urn:ngsi-ld:EntityTypeList:"));
            assertEquals(2, types.get("typeList").size());
            types.get("typeList").forEach(type -> assertConforms(NgsiLdSchemas.NAME, type.toString()));

            JsonNode attributes = json(typesResource.attributes(TENANT, accept));
            assertEquals("EntityAttributeList", attributes.get("type").asText());
            assertEquals(4, attributes.get("attributeList").size());
            attributes.get("attributeList").forEach(name -> assertConforms(NgsiLdSchemas.PROPERTY_NAMES, name.toString()));
        }
    }

    @Test
    void errorsConformToProblemDetails() {
        assertConforms(NgsiLdSchemas.PROBLEM_DETAILS, 400, entitiesResource.entities(null, null, null, null, "(a>1", null, null,
                null, 20, 0, false, null, TENANT, null));
        assertConforms(NgsiLdSchemas.PROBLEM_DETAILS, 400, entitiesResource.entity(ID, null, null, null));
        assertConforms(NgsiLdSchemas.PROBLEM_DETAILS, 404, entitiesResource.entity(ID, "nachbarstadt", null, null));
        assertConforms(NgsiLdSchemas.PROBLEM_DETAILS, 501, entitiesResource.entities(null, null, null, null, "name~=\"x\"",
                null, null, null, 20, 0, false, null, TENANT, null));
        assertConforms(NgsiLdSchemas.PROBLEM_DETAILS, 400, temporalResource.history(ID, "during", T1.toString(), null, null,
                null, null, null, null, TENANT, null));
        assertConforms(NgsiLdSchemas.PROBLEM_DETAILS, 400, typesResource.types(null, null));
    }

    private static void assertConforms(String schema, Response response) {
        assertConforms(schema, 200, response);
    }

    private static void assertConforms(String schema, int status, Response response) {
        assertEquals(status, response.getStatus(), (String) response.getEntity());
        assertConforms(schema, (String) response.getEntity());
    }

    /** Leaves textual unit codes out, which the ETSI schemas of v1.3 do not know. */
    private static void assertConforms(String schema, String json) {
        List<String> violations;
        try {
            violations = NgsiLdSchemas.violations(schema, NgsiLdSchemas.withoutUnitCodes(json));
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
        assertTrue(violations.isEmpty(), json + " violates " + schema + ": " + violations);
    }

    private static void assertViolation(String schema, String json, String expected) {
        List<String> violations = NgsiLdSchemas.violations(schema, json);
        assertTrue(violations.stream().anyMatch(violation -> violation.contains(expected)), json + " gave " + violations);
    }

    private static JsonNode json(Response response) throws Exception {
        assertEquals(200, response.getStatus(), (String) response.getEntity());
        return new ObjectMapper().readTree((String) response.getEntity());
    }
}
