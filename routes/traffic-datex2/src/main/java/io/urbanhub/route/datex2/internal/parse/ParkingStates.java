package io.urbanhub.route.datex2.internal.parse;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Folds the DATEX II opening and occupancy enumerations of one status into one word.
 * A site can be reported closed and "spacesAvailable" at once; closed wins, then full.
 */
final class ParkingStates {

    static final String CLOSED = "closed";
    static final String FULL = "full";
    static final String ALMOST_FULL = "almostFull";
    static final String OPEN = "open";

    private static final Set<String> CLOSED_VALUES = Set.of("closed", "closedAbnormal");
    private static final Set<String> FULL_VALUES =
            Set.of("full", "fullAtEntrance", "allParkingsFull", "noMoreParkingSpacesAvailable");
    private static final Set<String> ALMOST_FULL_VALUES = Set.of("almostFull");
    private static final Set<String> OPEN_VALUES = Set.of("open", "spacesAvailable", "enoughSpacesAvailable");

    private ParkingStates() {
    }

    /** Null when no value says anything certain (unknown, other, openingTimesInForce, ...). */
    static String summarise(List<String> values) {
        values = values.stream().filter(Objects::nonNull).toList();
        if (values.stream().anyMatch(CLOSED_VALUES::contains)) {
            return CLOSED;
        }
        if (values.stream().anyMatch(FULL_VALUES::contains)) {
            return FULL;
        }
        if (values.stream().anyMatch(ALMOST_FULL_VALUES::contains)) {
            return ALMOST_FULL;
        }
        if (values.stream().anyMatch(OPEN_VALUES::contains)) {
            return OPEN;
        }
        return null;
    }
}
