package io.urbanhub.decoders.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HexFormat;

import io.urbanhub.api.model.Property;

/** Compares decoded properties with a vector's numbers, which pass through JavaScript and YAML. */
final class PropertyAssertions {

    private PropertyAssertions() {
    }

    static void assertQuantity(double expected, String unitCode, Property actual) {
        assertNotNull(actual, "property missing");
        assertEquals(unitCode, actual.unitCode());
        assertEquals(expected, ((Number) actual.value()).doubleValue(), 1e-9);
    }

    static void assertValue(Object expected, Property actual) {
        assertNotNull(actual, "property missing");
        assertEquals(Property.of(expected), actual);
    }

    static byte[] hex(String bytes) {
        return HexFormat.of().parseHex(bytes.replace(" ", ""));
    }
}
