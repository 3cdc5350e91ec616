package io.urbanhub.api.notify;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Keeps subscriptions, as their JSON documents, so that they outlive a restart. */
@ProviderType
public interface SubscriptionStore {

    /** Adds the subscription or replaces the one with its tenant and id. */
    void save(StoredSubscription subscription);

    /** False when the tenant has no subscription of that id. */
    boolean delete(String tenant, String id);

    List<StoredSubscription> all();
}
