package io.urbanhub.core.internal.metrics;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.urbanhub.api.admin.SpoolStats;

import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;

/**
 * What the data layer reports for metrics: each input's outcome and how long the store took for it. Called on
 * the ingest path (the store writer's threads), so an implementation only counts and never blocks.
 */
public interface StoreMetrics {

    /** How one input ended, {@code nanos} after the data layer handed it to the store. */
    void outcome(Input input, Receipt receipt, long nanos);

    /** The store failed on the input (down, full buffer): the adapter's source is not acknowledged. */
    void failed(Input input, long nanos);

    /** Reports the depth of the store's write buffer until the returned handle is closed. */
    AutoCloseable buffer(IntSupplier depth);

    /** Reports the spool's inputs and bytes and whether the database is reachable until the handle is closed. */
    AutoCloseable spool(Supplier<SpoolStats> spool);
}
