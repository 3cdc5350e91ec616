package io.urbanhub.api.spi;

import java.time.Instant;
import java.util.Objects;

import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.Tenants;

/** One message as an adapter received it, kept as it was so it can be dead-lettered and replayed. */
public record Input(String tenant, Source source, Instant receivedAt, byte[] payload) {

    public Input {
        Tenants.require(tenant);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
    }
}
