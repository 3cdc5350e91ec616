package io.urbanhub.api.admin;

import java.time.Instant;

/** One stored value of the time series. */
public record StoredObservation(String tenant, String entityId, String entityType, String attribute,
                                Instant observedAt, Object value, String unitCode, String adapter) {
}
