package io.urbanhub.rest.ngsild.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;

/**
 * The ETSI NGSI-LD JSON schemas, copied unchanged to {@code ngsi-ld-schema/} on the test classpath. Their
 * {@code $id}s and {@code $ref}s name ETSI's repository; the registry reads them from the copies and fetches nothing.
 */
final class NgsiLdSchemas {

    static final String ENTITY = "Entity.json";
    static final String ENTITY_KEY_VALUES = "Entity_keyValues.json";
    static final String ENTITY_LIST = "EntityList.json";
    static final String ENTITY_TEMPORAL = "temporal/EntityTemporal.json";
    static final String ENTITY_TEMPORAL_VALUES = "temporal/Entity_temporalValues.json";
    static final String SUBSCRIPTION = "subscriptions/Subscription.json";
    static final String SUBSCRIPTION_LIST = "subscriptions/SubscriptionList.json";
    static final String NOTIFICATION = "subscriptions/Notification.json";
    static final String PROBLEM_DETAILS = "common.json#/definitions/ProblemDetails";
    static final String NAME = "common.json#/definitions/Name";
    static final String PROPERTY_NAMES = "common.json#/definitions/PropertyNames";
    static final String LD_CONTEXT = "common.json#/definitions/LdContext";

    private static final String ETSI = "https://forge.etsi.org/rep/NGSI-LD/NGSI-LD/raw/master/schema/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft7(), registry -> registry
            .dialectRegistry(new BasicDialectRegistry(NgsiLdSchemas::dialect))
            .schemaIdResolvers(resolvers -> resolvers.mapPrefix(ETSI, "classpath:ngsi-ld-schema/"))
            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NgsiLdSchemas() {
    }

    /** What the schema finds wrong with the JSON, one line each; empty when the JSON conforms. */
    static List<String> violations(String schema, String json) {
        return REGISTRY.getSchema(SchemaLocation.of(ETSI + schema)).validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /**
     * The JSON without the {@code unitCode} of its properties. GS CIM 009 gives a Property its unit as text, a
     * UN/CEFACT common code; the ETSI schemas of v1.3 leave that member out and so take it for a sub-attribute.
     * A unit code that is not text stays, for the schema to refuse.
     */
    static String withoutUnitCodes(String json) throws JsonProcessingException {
        JsonNode tree = MAPPER.readTree(json);
        removeUnitCodes(tree);
        return tree.toString();
    }

    private static void removeUnitCodes(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("type").asText().equals("Property")
                && object.path("unitCode").isTextual()) {
            object.remove("unitCode");
        }
        node.forEach(NgsiLdSchemas::removeUnitCodes);
    }

    /**
     * Most files declare {@code http://json-schema.org/schema#}, "the newest draft", which was Draft 7 when ETSI
     * wrote them (their README says so); the GeoJSON geometry declares Draft 4.
     */
    private static Dialect dialect(String id) {
        if (id.startsWith("http://json-schema.org/draft-04/")) {
            return Dialects.getDraft4();
        }
        if (id.startsWith("http://json-schema.org/schema")) {
            return Dialect.builder(id, Dialects.getDraft7()).build();
        }
        if (id.startsWith("http://json-schema.org/draft-07/")) {
            return Dialects.getDraft7();
        }
        throw new IllegalArgumentException("No NGSI-LD schema declares the dialect " + id);
    }
}
