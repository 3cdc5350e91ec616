package io.urbanhub.route.datex2.internal.parse;

/** WGS 84 coordinates of a DATEX II location, point coordinates first, else its display point. */
record Coordinates(Double longitude, Double latitude) {

    static final Coordinates NONE = new Coordinates(null, null);

    /** Searches the named location first so that entrances or access points do not win. */
    static Coordinates of(XmlNode record, String locationElement) throws Datex2Exception {
        XmlNode location = record.child(locationElement);
        Coordinates found = location == null ? NONE : within(location);
        return found == NONE ? within(record) : found;
    }

    private static Coordinates within(XmlNode scope) throws Datex2Exception {
        for (String holder : new String[] {"pointCoordinates", "locationForDisplay"}) {
            XmlNode point = scope.descendant(holder);
            if (point != null) {
                return new Coordinates(Values.decimal(point, "longitude"), Values.decimal(point, "latitude"));
            }
        }
        return NONE;
    }
}
