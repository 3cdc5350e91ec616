package io.urbanhub.api.model;

/**
 * One NGSI-LD property: a number, text or boolean, with the UN/CEFACT common code of its unit
 * (see {@link UnitCodes}) when it has one.
 */
public record Property(Object value, String unitCode) {

    public Property {
        if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
            throw new IllegalArgumentException("A property value is a number, text or boolean, not " + value);
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new IllegalArgumentException("A property value must be finite, not " + value);
        }
    }

    public static Property of(double value, String unitCode) {
        return new Property(value, unitCode);
    }

    public static Property of(Object value) {
        return new Property(value, null);
    }
}
