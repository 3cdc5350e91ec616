package io.urbanhub.route.datex2.internal.parse;

import java.util.ArrayList;
import java.util.List;

/** Dynamic parking records of both status forms into {@link ParkingStatus}. */
final class ParkingStatusMapping {

    private ParkingStatusMapping() {
    }

    /** A {@code parkingRecordStatus} of a v2.3 or v3 ParkingStatusPublication. */
    static ParkingStatus fromParkingRecordStatus(XmlNode status) throws Datex2Exception {
        XmlNode occupancy = status.child("parkingOccupancy");
        if (occupancy == null) {
            occupancy = status;
        }
        List<String> states = new ArrayList<>();
        for (String element : new String[] {"parkingSiteOpeningStatus", "parkingSiteStatus", "groupOfParkingSitesStatus"}) {
            states.add(status.text(element));
        }
        return new ParkingStatus(referencedId(status, "parkingRecordReference"),
                Values.instant(status, "parkingStatusOriginTime"),
                Values.integer(occupancy, "parkingNumberOfSpacesOverride"),
                Values.integer(occupancy, "parkingNumberOfVacantSpaces"),
                Values.integer(occupancy, "parkingNumberOfOccupiedSpaces"),
                percentAsFraction(Values.decimal(occupancy, "parkingOccupancy")),
                ParkingStates.summarise(states));
    }

    /** A {@code parkingFacilityStatus} of the MDM ParkingFacilityTableStatusPublication profile. */
    static ParkingStatus fromParkingFacilityStatus(XmlNode status) throws Datex2Exception {
        List<String> states = new ArrayList<>();
        for (XmlNode state : status.children("parkingFacilityStatus")) {
            states.add(state.text());
        }
        return new ParkingStatus(referencedId(status, "parkingFacilityReference"),
                Values.instant(status, "parkingFacilityStatusTime"),
                Values.integer(status, "totalParkingCapacityOverride"),
                Values.integer(status, "totalNumberOfVacantParkingSpaces"),
                Values.integer(status, "totalNumberOfOccupiedParkingSpaces"),
                fractionAsPublished(Values.decimal(status, "parkingFacilityOccupancy")),
                ParkingStates.summarise(states));
    }

    /** A {@code parkingAreaStatus} of the MDM ParkingFacilityTableStatusPublication profile. */
    static ParkingStatus fromParkingAreaStatus(XmlNode status) throws Datex2Exception {
        List<String> states = new ArrayList<>();
        for (XmlNode state : status.children("parkingAreaStatus")) {
            states.add(state.text());
        }
        return new ParkingStatus(referencedId(status, "parkingAreaReference"),
                Values.instant(status, "parkingAreaStatusTime"),
                Values.integer(status, "totalParkingCapacityOverride"),
                Values.integer(status, "parkingAreaTotalNumberOfVacantParkingSpaces"),
                Values.integer(status, "parkingAreaTotalNumberOfOccupiedParkingSpaces"),
                fractionAsPublished(Values.decimal(status, "parkingAreaOccupancy")),
                ParkingStates.summarise(states));
    }

    private static String referencedId(XmlNode status, String reference) {
        XmlNode node = status.child(reference);
        return node == null ? null : node.attribute("id");
    }

    /** The v2.3 and v3 schemas type parkingOccupancy as Percentage, 0..100. */
    private static Double percentAsFraction(Double percent) {
        return percent == null ? null : percent / 100.0;
    }

    /**
     * The MDM facility profile also says Percentage, but its suppliers send a fraction
     * (Frankfurt: 49 of 402 spaces occupied as 0.1219); above 1 it can only be a percentage.
     */
    private static Double fractionAsPublished(Double value) {
        if (value == null) {
            return null;
        }
        return value > 1.0 ? value / 100.0 : value;
    }
}
