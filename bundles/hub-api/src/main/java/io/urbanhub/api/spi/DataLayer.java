package io.urbanhub.api.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import io.urbanhub.api.model.Observation;

/**
 * The shared data layer, as an adapter sees it. Both calls return once the outcome is durable, so an
 * adapter acknowledges its source after the call (MQTT ack, HTTP 2xx, file moved).
 */
@ProviderType
public interface DataLayer {

    /** The largest input the data layer takes; adapters reject larger ones before parsing them. */
    int MAX_PAYLOAD_BYTES = 65_536;

    /**
     * Validates the observations decoded from one input, drops the input if its message was stored
     * before (same tenant, system, device and message id), stores them, and republishes them after the
     * write. Invalid observations turn the whole input into a dead letter with the reason.
     */
    Receipt accept(Input input, List<Observation> observations);

    /**
     * Does what {@link #accept} does without waiting for the write: the stage completes once the outcome
     * is durable, or fails when the store cannot take it. For adapters that acknowledge asynchronously or
     * import in bulk; while the store's buffer is full the call itself waits (backpressure).
     */
    CompletionStage<Receipt> submit(Input input, List<Observation> observations);

    /** Keeps an input the adapter could not turn into observations, with the reason, and counts it. */
    Receipt reject(Input input, String reason);
}
