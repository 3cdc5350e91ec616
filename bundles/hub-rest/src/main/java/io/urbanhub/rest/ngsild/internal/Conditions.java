package io.urbanhub.rest.ngsild.internal;

import java.util.List;
import java.util.Map;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.query.AttributeCondition;

/** Evaluates a parsed query ({@code q}) on the values of one observation, as the store does in SQL. */
final class Conditions {

    private Conditions() {
    }

    static boolean holdAnyOf(List<List<AttributeCondition>> anyOf, Map<String, Property> properties) {
        return anyOf.stream().anyMatch(allOf -> allOf.stream().allMatch(condition -> holds(condition, properties)));
    }

    static boolean holds(AttributeCondition condition, Map<String, Property> properties) {
        Property property = properties.get(condition.attribute());
        if (property == null || property.value() == null) {
            return false;
        }
        Object actual = property.value();
        Object expected = condition.value();
        return switch (condition.operator()) {
            case EXISTS -> true;
            case EQUAL -> same(actual, expected);
            case UNEQUAL -> !same(actual, expected);
            case GREATER -> bothNumbers(actual, expected) && compare(actual, expected) > 0;
            case GREATER_OR_EQUAL -> bothNumbers(actual, expected) && compare(actual, expected) >= 0;
            case LESS -> bothNumbers(actual, expected) && compare(actual, expected) < 0;
            case LESS_OR_EQUAL -> bothNumbers(actual, expected) && compare(actual, expected) <= 0;
        };
    }

    private static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        return actual.equals(expected);
    }

    /** Only numbers are ordered: text or booleans never meet an order condition. */
    private static boolean bothNumbers(Object actual, Object expected) {
        return actual instanceof Number && expected instanceof Number;
    }

    private static int compare(Object actual, Object expected) {
        return Double.compare(((Number) actual).doubleValue(), ((Number) expected).doubleValue());
    }
}
