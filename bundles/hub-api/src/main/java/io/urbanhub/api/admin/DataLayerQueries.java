package io.urbanhub.api.admin;

import java.time.Instant;
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

    /**
     * Forgets the dead letters received before the given time.
     *
     * @param tenant only this tenant's, or all when {@code null}
     * @return how many were removed
     */
    int purgeDeadLetters(Instant receivedBefore, String tenant);

    /**
     * The entities in the store, by id.
     *
     * @param tenant     only this tenant's, or all when {@code null}
     * @param entityType only of this type, or all when {@code null}
     */
    List<EntitySummary> entities(String tenant, String entityType, int limit);

    /** Forgets a dead letter, once it is replayed; false when there is none of that id. */
    boolean removeDeadLetter(long id);
}
