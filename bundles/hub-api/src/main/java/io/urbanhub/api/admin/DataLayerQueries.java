package io.urbanhub.api.admin;

import java.util.List;
import java.util.Optional;

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

    Optional<DeadLetter> deadLetter(long id);

    /** Forgets a dead letter, once it is replayed; false when there is none of that id. */
    boolean removeDeadLetter(long id);
}
