package io.urbanhub.api.query;

import java.util.Objects;

/**
 * One condition on an attribute's current value, as in the NGSI-LD query language: {@code temperature>5},
 * {@code status=="free"}, or the attribute's mere presence ({@code operator} {@link Operator#EXISTS}).
 */
public record AttributeCondition(String attribute, Operator operator, Object value) {

    public enum Operator {
        EQUAL, UNEQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, EXISTS
    }

    public AttributeCondition {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
        if (operator != Operator.EXISTS && !(value instanceof Number || value instanceof String || value instanceof Boolean)) {
            throw new IllegalArgumentException("The value of " + attribute + " must be a number, text or boolean");
        }
        if (value instanceof String && operator != Operator.EQUAL && operator != Operator.UNEQUAL) {
            throw new IllegalArgumentException("Text values of " + attribute + " can only be compared with == or !=");
        }
    }
}
