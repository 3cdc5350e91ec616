package io.urbanhub.api.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface DataLayerQueries {

    /**
     * The newest stored values first.
     *
     * @param tenant   only this tenant's, or all when {@code null}
     * @param entityId only this entity's, or all when {@code null}
     */
    List<StoredObservation> latestObservations(String tenant, String entityId, int limit);

    /** The newest dead letters first; {@code tenant} {@code null} for all. */
    List<DeadLetter> deadLetters(String tenant, int limit);
}
