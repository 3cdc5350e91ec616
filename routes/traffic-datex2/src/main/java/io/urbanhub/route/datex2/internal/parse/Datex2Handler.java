package io.urbanhub.route.datex2.internal.parse;

/**
 * Receives what a publication holds, one record at a time, in document order.
 * {@link #publication} comes before the records of each payload.
 */
public interface Datex2Handler {

    default void publication(Publication publication) {
    }

    default void parkingSite(ParkingSite site) {
    }

    default void parkingStatus(ParkingStatus status) {
    }

    default void measurementSite(MeasurementSite site) {
    }

    default void trafficFlow(TrafficFlow flow) {
    }
}
