package io.urbanhub.api.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one entity reported at one moment: its properties, optionally its position, and where the
 * report came from. Stored as the entity's new state and as a point in its time series.
 */
public record Observation(EntityId entity, Instant observedAt, Map<String, Property> properties, GeoPoint location,
                          Source source) {

    public Observation {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(source, "source");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public String tenant() {
        return entity.tenant();
    }
}
