package io.urbanhub.api.query;

import java.time.Instant;

/**
 * The current state of one entity.
 *
 * @param normalized the entity as normalized NGSI-LD JSON, with its {@code @context}
 */
public record EntityState(String id, String type, Instant observedAt, String normalized) {
}
