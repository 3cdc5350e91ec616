package io.urbanhub.route.datex2.internal.ingest;

import java.util.regex.Pattern;

import io.urbanhub.api.model.EntityId;

/** Names the Smart Data Model entities of DATEX II records: a record id becomes a valid NGSI-LD local id. */
final class Datex2Entities {

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._~:-]");

    private Datex2Entities() {
    }

    static EntityId parking(String tenant, String siteId) {
        return new EntityId("OffStreetParking", tenant, localId(ParkingTable.key(siteId)));
    }

    static EntityId trafficFlow(String tenant, String siteId, String lane) {
        return new EntityId("TrafficFlowObserved", tenant, localId(siteId + ":" + lane));
    }

    /** DATEX II ids may hold brackets, spaces or slashes ({@code 1[Anlagenring]}); those become {@code _}. */
    static String localId(String recordId) {
        String local = NOT_ALLOWED.matcher(recordId).replaceAll("_");
        local = local.startsWith(":") ? "_" + local.substring(1) : local;
        return local.length() > 256 ? local.substring(0, 256) : local;
    }
}
