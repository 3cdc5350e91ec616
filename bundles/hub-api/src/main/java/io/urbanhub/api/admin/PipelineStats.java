package io.urbanhub.api.admin;

/**
 * A snapshot of the data layer's pipeline since it started.
 *
 * @param bufferDepth             inputs waiting in the store writer's buffer
 * @param oldestWaitMillis        how long the oldest of them has waited: the store's lag
 * @param bufferCapacity          how many inputs the buffer holds before adapters must wait
 * @param batches                 store transactions committed
 * @param inputsWritten           inputs those transactions wrote (stored or found duplicate)
 * @param batchMillisMean         mean time of a store transaction, over the last {@code sampledBatches}
 * @param batchMillisP50          its median
 * @param batchMillisP95          its 95th percentile
 * @param batchMillisP99          its 99th percentile
 * @param sampledBatches          how many recent transactions the times are taken from
 * @param observationsLastMinute  observations stored in the last 60 seconds
 * @param republishQueueDepth     stored observations waiting to be republished over MQTT; -1 when not republishing
 * @param republishDropped        republications dropped (queue full or broker away); -1 when not republishing
 */
public record PipelineStats(int bufferDepth, long oldestWaitMillis, int bufferCapacity, long batches, long inputsWritten,
                            double batchMillisMean, double batchMillisP50, double batchMillisP95, double batchMillisP99,
                            int sampledBatches, long observationsLastMinute, int republishQueueDepth,
                            long republishDropped) {

    /** Observations stored per second, averaged over the last minute. */
    public double observationsPerSecond() {
        return observationsLastMinute / 60.0;
    }
}
