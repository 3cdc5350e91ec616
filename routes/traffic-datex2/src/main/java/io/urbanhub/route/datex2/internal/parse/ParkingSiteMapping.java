package io.urbanhub.route.datex2.internal.parse;

/** Static parking records of both table forms into {@link ParkingSite}. */
final class ParkingSiteMapping {

    private ParkingSiteMapping() {
    }

    /** A {@code parkingRecord} of a v2.3 or v3 ParkingTablePublication. */
    static ParkingSite fromParkingRecord(XmlNode record) throws Datex2Exception {
        Coordinates at = Coordinates.of(record, "parkingLocation");
        return new ParkingSite(record.attribute("id"), Values.multilingual(record, "parkingName"),
                Values.integer(record, "parkingNumberOfSpaces"), at.longitude(), at.latitude());
    }

    /** A {@code parkingFacility} of the MDM ParkingFacilityTablePublication profile. */
    static ParkingSite fromParkingFacility(XmlNode facility) throws Datex2Exception {
        Coordinates at = Coordinates.of(facility, "facilityLocation");
        return new ParkingSite(facility.attribute("id"), Values.multilingual(facility, "parkingFacilityName"),
                Values.integer(facility, "totalParkingCapacity"), at.longitude(), at.latitude());
    }
}
