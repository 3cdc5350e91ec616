package io.urbanhub.route.datex2.internal.parse;

/** What a publication carries, whatever its version or wrapper. */
public enum PublicationKind {
    PARKING_TABLE,
    PARKING_STATUS,
    MEASUREMENT_SITE_TABLE,
    MEASURED_DATA
}
