package io.urbanhub.rest.opendata.internal;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.TemporalQueries;

/** The shapes open data portals harvest: GeoJSON of the current state, CSV of the state and of a time range. */
final class OpenDataFormats {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private OpenDataFormats() {
    }

    /** A FeatureCollection with one Point feature per located entity; the licence as a foreign member. */
    static String geoJson(List<EntityState> entities, String licence) {
        ObjectNode collection = MAPPER.createObjectNode();
        collection.put("type", "FeatureCollection");
        collection.put("license", licence);
        var features = collection.putArray("features");
        for (EntityState state : entities) {
            ObjectNode entity = parse(state.normalized());
            JsonNode location = entity.at("/location/value");
            if (location.isMissingNode()) {
                continue;
            }
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", state.id());
            feature.set("geometry", location);
            ObjectNode properties = feature.putObject("properties");
            properties.put("type", state.type());
            properties.put("observedAt", state.observedAt().toString());
            attributes(entity).forEach((name, attribute) -> {
                properties.set(name, attribute.get("value"));
                if (attribute.has("unitCode")) {
                    properties.set(name + "_unitCode", attribute.get("unitCode"));
                }
            });
        }
        return collection.toString();
    }

    /** One row per entity: id, type, time, position, then every attribute with its unit in the header. */
    static String stateCsv(List<EntityState> entities) {
        List<ObjectNode> parsed = entities.stream().map(state -> parse(state.normalized())).toList();
        Map<String, String> columns = new TreeMap<>();
        for (ObjectNode entity : parsed) {
            attributes(entity).forEach((name, attribute) -> columns.putIfAbsent(name,
                    attribute.has("unitCode") ? name + " [" + attribute.get("unitCode").asText() + "]" : name));
        }
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("id").addColumn("type").addColumn("observedAt")
                .addColumn("longitude").addColumn("latitude");
        columns.values().forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            ObjectNode entity = parsed.get(i);
            EntityState state = entities.get(i);
            List<String> row = new ArrayList<>(List.of(state.id(), state.type(), state.observedAt().toString(),
                    entity.at("/location/value/coordinates/0").asText(""), entity.at("/location/value/coordinates/1").asText("")));
            Map<String, JsonNode> attributes = attributes(entity);
            for (String name : columns.keySet()) {
                JsonNode attribute = attributes.get(name);
                row.add(attribute == null ? "" : attribute.get("value").asText());
            }
            rows.add(row);
        }
        return write(schema.build().withHeader(), rows);
    }

    /** One row per value: entity, attribute, time, value, unit. */
    static String valuesCsv(List<TemporalQueries.EntityValue> values) {
        CsvSchema schema = CsvSchema.builder().addColumn("id").addColumn("attribute").addColumn("observedAt")
                .addColumn("value").addColumn("unitCode").build().withHeader();
        List<List<String>> rows = new ArrayList<>();
        for (TemporalQueries.EntityValue value : values) {
            rows.add(List.of(value.entityId(), value.value().attribute(), value.value().observedAt().toString(),
                    String.valueOf(value.value().value()), value.value().unitCode() == null ? "" : value.value().unitCode()));
        }
        return write(schema, rows);
    }

    private static Map<String, JsonNode> attributes(ObjectNode entity) {
        Map<String, JsonNode> attributes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = entity.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isObject() && "Property".equals(value.path("type").asText()) && !field.getKey().equals("dataProvider")) {
                attributes.put(field.getKey(), value);
            }
        }
        return attributes;
    }

    private static String write(CsvSchema schema, List<List<String>> rows) {
        try {
            return CSV.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored entity is not JSON", e);
        }
    }

}
