package io.urbanhub.api.notify;

import java.util.Objects;

/** A subscription of one tenant as its JSON document. */
public record StoredSubscription(String tenant, String id, String document) {

    public StoredSubscription {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
    }
}
