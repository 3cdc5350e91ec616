package io.urbanhub.api.admin;

import java.time.Instant;

/** One entity in the store and when it was last observed. */
public record EntitySummary(String tenant, String entityId, String entityType, Instant lastObservedAt) {
}
