package io.urbanhub.route.datex2.internal.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** v2 measurement site records and site measurements into {@link MeasurementSite} and {@link TrafficFlow}. */
final class TrafficMapping {

    private TrafficMapping() {
    }

    static MeasurementSite site(XmlNode record) throws Datex2Exception {
        Map<Integer, String> laneByIndex = new HashMap<>();
        for (XmlNode indexed : record.children("measurementSpecificCharacteristics")) {
            String lane = indexed.text("measurementSpecificCharacteristics", "specificLane");
            String index = indexed.attribute("index");
            if (lane != null && index != null) {
                laneByIndex.put(index(indexed), lane);
            }
        }
        Coordinates at = Coordinates.of(record, "measurementSiteLocation");
        return new MeasurementSite(record.attribute("id"), Values.multilingual(record, "measurementSiteName"),
                at.longitude(), at.latitude(), Values.integer(record, "measurementSiteNumberOfLanes"), laneByIndex);
    }

    /** One flow per measured value that carries a flow, a speed or an occupancy; others are skipped. */
    static List<TrafficFlow> flows(XmlNode siteMeasurements) throws Datex2Exception {
        XmlNode reference = siteMeasurements.child("measurementSiteReference");
        String siteId = reference == null ? null : reference.attribute("id");
        Instant defaultTime = Values.instant(siteMeasurements, "measurementTimeDefault");
        List<TrafficFlow> flows = new ArrayList<>();
        for (XmlNode indexed : siteMeasurements.children("measuredValue")) {
            XmlNode basicData = indexed.child("measuredValue", "basicData");
            if (basicData == null) {
                continue;
            }
            Double flowRate = Values.decimal(basicData, "vehicleFlow", "vehicleFlowRate");
            Double speed = Values.decimal(basicData, "averageVehicleSpeed", "speed");
            Double occupancy = Values.decimal(basicData, "occupancy", "percentage");
            if (flowRate == null && speed == null && occupancy == null) {
                continue;
            }
            Instant ownTime = Values.instant(basicData, "measurementOrCalculationTime");
            flows.add(new TrafficFlow(siteId, index(indexed), ownTime != null ? ownTime : defaultTime,
                    Values.decimal(basicData, "measurementOrCalculationPeriod"), flowRate, speed, occupancy));
        }
        return flows;
    }

    private static int index(XmlNode indexed) throws Datex2Exception {
        try {
            return Integer.parseInt(indexed.attribute("index").trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new Datex2Exception(Datex2Exception.Reason.INVALID_VALUE,
                    "<" + indexed.name() + "> has no valid index attribute", indexed.line(), e);
        }
    }
}
