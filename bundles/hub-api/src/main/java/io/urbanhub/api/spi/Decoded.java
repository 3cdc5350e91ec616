package io.urbanhub.api.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.urbanhub.api.model.Property;

/** A decoded payload: properties named as in the Smart Data Model of the device's entity, and warnings. */
public record Decoded(Map<String, Property> properties, List<String> warnings) {

    public Decoded {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        warnings = List.copyOf(warnings);
    }
}
