package io.urbanhub.route.datex2.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Publication kinds no real sample covers, written after the schemas (SchemaValidationTest checks them). */
class HandWrittenPublicationTest {

    private static final double EXACT = 1e-9;

    @Test
    void readsV3ParkingTable() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("v3-parking-table.xml");

        assertEquals(List.of(new Publication("3", PublicationKind.PARKING_TABLE,
                Instant.parse("2025-03-01T09:00:00Z"))), read.publications);
        assertEquals(List.of(new ParkingSite("PS-1", "Parkhaus Markt", 420, 6.0839, 50.7753),
                new ParkingSite("PS-2", "Parkplatz Bahnhof", null, 6.0912, 50.7679)), read.parkingSites);
    }

    @Test
    void readsV3ParkingStatusWithPercentOccupancyAsFraction() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("v3-parking-status.xml");

        assertEquals(PublicationKind.PARKING_STATUS, read.publications.get(0).kind());
        ParkingStatus first = read.status("PS-1");
        assertEquals(new ParkingStatus("PS-1", Instant.parse("2025-03-01T09:04:30Z"), null, 21, 399, 0.95,
                "almostFull"), first);
        assertEquals(new ParkingStatus("PS-2", Instant.parse("2025-03-01T09:03:00Z"), 80, 0, null, null, "full"),
                read.status("PS-2"));
    }

    @Test
    void readsV3PayloadInsideAMessageContainer() throws Exception {
        String container = """
                <con:messageContainer xmlns:con="http://datex2.eu/schema/3/messageContainer"
                    xmlns:com="http://datex2.eu/schema/3/common" xmlns:par="http://datex2.eu/schema/3/parking"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" modelBaseVersion="3">
                  <con:payload xsi:type="par:ParkingStatusPublication" lang="de" modelBaseVersion="3">
                    <com:publicationTime>2025-03-01T10:05:00Z</com:publicationTime>
                    <par:parkingRecordStatus xsi:type="par:ParkingSiteStatus">
                      <par:parkingRecordReference targetClass="par:ParkingRecord" id="PS-9" version="1"/>
                      <par:parkingStatusOriginTime>2025-03-01T10:04:00Z</par:parkingStatusOriginTime>
                      <par:parkingOccupancy><par:parkingNumberOfVacantSpaces>7</par:parkingNumberOfVacantSpaces></par:parkingOccupancy>
                      <par:parkingSiteOpeningStatus>closed</par:parkingSiteOpeningStatus>
                    </par:parkingRecordStatus>
                  </con:payload>
                  <con:exchangeInformation/>
                </con:messageContainer>
                """;
        CollectingHandler read = new CollectingHandler();
        Datex2Reader.read(new ByteArrayInputStream(container.getBytes(StandardCharsets.UTF_8)), read);

        assertEquals(List.of(new ParkingStatus("PS-9", Instant.parse("2025-03-01T10:04:00Z"), null, 7, null, null,
                "closed")), read.parkingStatuses);
    }

    @Test
    void readsV2MeasurementSiteTable() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("v2-measurement-site-table.xml");

        assertEquals(PublicationKind.MEASUREMENT_SITE_TABLE, read.publications.get(0).kind());
        assertEquals(List.of(new MeasurementSite("MS-A1", "Ring Nord, stadteinwärts", 6.0755, 50.7801, 2,
                Map.of(1, "lane1", 2, "lane1", 3, "lane2"))), read.measurementSites);
    }

    @Test
    void readsV2MeasuredDataSkippingASupplierExtension() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("v2-measured-data.xml");

        assertEquals(List.of(new Publication("2", PublicationKind.MEASURED_DATA,
                Instant.parse("2025-03-01T09:01:05Z"))), read.publications);
        Instant defaultTime = Instant.parse("2025-03-01T09:00:00Z");
        assertEquals(3, read.trafficFlows.size());
        assertEquals(new TrafficFlow("MS-A1", 1, defaultTime, 60.0, 1320.0, null, null), read.trafficFlows.get(0));
        assertEquals(new TrafficFlow("MS-A1", 2, defaultTime, 60.0, null, 47.5, null), read.trafficFlows.get(1));
        TrafficFlow concentration = read.trafficFlows.get(2);
        assertEquals(Instant.parse("2025-03-01T09:00:30Z"), concentration.measuredAt(), "the value's own time wins");
        assertEquals(12.5, concentration.occupancy(), EXACT);
    }
}
