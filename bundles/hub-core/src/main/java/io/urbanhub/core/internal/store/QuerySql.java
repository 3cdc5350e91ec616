package io.urbanhub.core.internal.store;

import java.util.List;
import java.util.stream.Collectors;

import io.urbanhub.api.query.AttributeCondition;

/** Turns NGSI-LD q conditions into SQL on the current values of {@code hub_entity}'s rows. */
final class QuerySql {

    private QuerySql() {
    }

    /** {@code (a AND b) OR (c)}: each condition an EXISTS on hub_entity_attribute; appends its parameters. */
    static String condition(List<List<AttributeCondition>> anyOf, List<Object> parameters) {
        return anyOf.stream()
                .map(allOf -> allOf.stream().map(condition -> exists(condition, parameters))
                        .collect(Collectors.joining(" AND ", "(", ")")))
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    private static String exists(AttributeCondition condition, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM hub_entity_attribute a WHERE a.tenant = hub_entity.tenant"
                + " AND a.entity_id = hub_entity.entity_id AND a.attribute = ?");
        parameters.add(condition.attribute());
        if (condition.operator() != AttributeCondition.Operator.EXISTS) {
            Object value = condition.value();
            String column = value instanceof Number ? "a.value_number" : value instanceof Boolean ? "a.value_boolean" : "a.value_text";
            sql.append(" AND ").append(column).append(' ').append(operator(condition.operator())).append(" ?");
            parameters.add(value instanceof Number number ? number.doubleValue() : value);
        }
        return sql.append(')').toString();
    }

    private static String operator(AttributeCondition.Operator operator) {
        return switch (operator) {
            case EQUAL -> "=";
            case UNEQUAL -> "<>";
            case GREATER -> ">";
            case GREATER_OR_EQUAL -> ">=";
            case LESS -> "<";
            case LESS_OR_EQUAL -> "<=";
            case EXISTS -> throw new IllegalArgumentException("EXISTS has no operator");
        };
    }
}
