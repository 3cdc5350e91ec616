package io.urbanhub.api.query;

import java.time.Instant;

/** One value of an entity's attribute at one time: an instance of its temporal evolution. */
public record AttributeValue(String attribute, Instant observedAt, Object value, String unitCode) {
}
