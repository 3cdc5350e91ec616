package io.urbanhub.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

import io.urbanhub.api.model.Observation;

/**
 * Told of every observation once it is stored. Called on the store's writer thread right after the
 * commit, so an implementation only queues the observation and returns: a slow listener would slow ingest.
 */
@ConsumerType
public interface ObservationListener {

    void stored(Observation observation);
}
