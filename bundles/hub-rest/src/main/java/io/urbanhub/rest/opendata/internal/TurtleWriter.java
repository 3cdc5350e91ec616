package io.urbanhub.rest.opendata.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the compact JSON-LD the catalog is built as (prefixed names, {@code @id} references, string literals,
 * nested nodes) as Turtle, so both serializations say the same by construction.
 */
final class TurtleWriter {

    private TurtleWriter() {
    }

    static String write(ObjectNode jsonLd) {
        StringBuilder turtle = new StringBuilder();
        jsonLd.path("@context").fields().forEachRemaining(prefix ->
                turtle.append("@prefix ").append(prefix.getKey()).append(": <").append(prefix.getValue().asText()).append("> .\n"));
        List<ObjectNode> subjects = new ArrayList<>(List.of(jsonLd));
        for (int i = 0; i < subjects.size(); i++) {
            ObjectNode subject = subjects.get(i);
            turtle.append("\n<").append(subject.get("@id").asText()).append(">");
            properties(subject, turtle, subjects, "\n    ");
            turtle.append(" .\n");
        }
        return turtle.toString();
    }

    /** Nodes with an {@code @id} and properties of their own become subjects of their own, the rest blank nodes. */
    private static void properties(JsonNode node, StringBuilder turtle, List<ObjectNode> subjects, String indent) {
        String separator = indent;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("@context") || field.getKey().equals("@id")) {
                continue;
            }
            turtle.append(separator).append(field.getKey().equals("@type") ? "a" : field.getKey()).append(' ');
            List<JsonNode> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(values::add);
            } else {
                values.add(field.getValue());
            }
            for (int i = 0; i < values.size(); i++) {
                turtle.append(i == 0 ? "" : ", ");
                object(field.getKey(), values.get(i), turtle, subjects, indent);
            }
            separator = " ;" + indent;
        }
    }

    private static void object(String predicate, JsonNode value, StringBuilder turtle, List<ObjectNode> subjects, String indent) {
        if (predicate.equals("@type")) {
            turtle.append(value.asText());
        } else if (value.isObject() && value.has("@id")) {
            turtle.append('<').append(value.get("@id").asText()).append('>');
            if (value.size() > 1) {
                subjects.add((ObjectNode) value);
            }
        } else if (value.isObject()) {
            turtle.append('[');
            properties(value, turtle, subjects, indent + "    ");
            turtle.append(indent).append(']');
        } else {
            turtle.append('"').append(value.asText().replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n").replace("\r", "\\r")).append('"');
        }
    }
}
