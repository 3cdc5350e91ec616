package io.urbanhub.route.datex2.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The real v2 parking feeds, values checked against the XML by hand. */
class ParkingSampleTest {

    private static final double EXACT = 1e-9;

    @Test
    void readsAachenParkingTableOfTheV23GenericForm() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("aachen-static.xml");

        assertEquals(List.of(new Publication("2", PublicationKind.PARKING_TABLE,
                Instant.parse("2024-11-15T00:00:00.263Z"))), read.publications);
        assertEquals(17, read.parkingSites.size());
        assertEquals(new ParkingSite("P1", "P01-Eurogress", 560, 6.0927987, 50.780552), read.parkingSites.get(0));
        assertEquals(new ParkingSite("P2", "P02-Couvenstrasse", 497, 6.0899806, 50.77744), read.site("P2"));
        assertEquals(new ParkingSite("P17", "P17-EBV Carre", null, 6.092144, 50.77732), read.site("P17"));
    }

    @Test
    void readsAachenStatusWithPercentOccupancyAsFraction() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("aachen-realtime.xml");

        assertEquals(PublicationKind.PARKING_STATUS, read.publications.get(0).kind());
        assertEquals(Instant.parse("2025-02-07T19:11:00.095Z"), read.publications.get(0).publicationTime());
        assertEquals(17, read.parkingStatuses.size());
        ParkingStatus p1 = read.status("P1");
        assertEquals(Instant.parse("2025-02-07T19:05:34.176Z"), p1.observedAt());
        assertEquals(560, p1.capacity());
        assertEquals(412, p1.vacantSpaces());
        assertEquals(148, p1.occupiedSpaces());
        assertEquals(0.2643, p1.occupancy(), EXACT);
        assertEquals("open", p1.status());
        ParkingStatus p18 = read.status("P18");
        assertEquals("closed", p18.status(), "opening status closed outweighs spacesAvailable");
        assertEquals(0.0896, p18.occupancy(), EXACT);
    }

    @Test
    void readsBondorfFacilityTableOfTheMdmProfile() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("bondorf-static.xml");

        assertEquals(PublicationKind.PARKING_TABLE, read.publications.get(0).kind());
        assertEquals(List.of(new ParkingSite("1035", "P+R Bondorf", 314, 8.82821456169721, 48.52436858335742)),
                read.parkingSites);
    }

    @Test
    void readsBondorfGroupStatusWithSubMillisecondTime() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("bondorf-realtime.xml");

        assertEquals(1, read.parkingStatuses.size());
        ParkingStatus status = read.parkingStatuses.get(0);
        assertEquals("1035[P+R Bondorf]", status.siteId());
        assertEquals(Instant.parse("2025-05-09T19:41:58.5461534Z"), status.observedAt());
        assertEquals(313, status.capacity());
        assertEquals(215, status.vacantSpaces());
        assertEquals(98, status.occupiedSpaces());
        assertEquals(0.313099041533546, status.occupancy(), EXACT);
        assertNull(status.status(), "the group status gives no state");
    }

    @Test
    void readsFrankfurtFacilityAndAreaStatusWithFractionOccupancy() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("frankfurt-dynamic.xml");

        assertEquals(Instant.parse("2021-12-17T05:32:01.710Z"), read.publications.get(0).publicationTime());
        assertEquals(13, read.parkingStatuses.size());
        ParkingStatus area = read.status("1[Anlagenring]");
        assertEquals(Instant.parse("2021-12-17T05:32:00Z"), area.observedAt());
        assertEquals(469, area.vacantSpaces());
        assertNull(area.occupiedSpaces());
        assertNull(area.capacity());
        assertEquals(0.15036231, area.occupancy(), EXACT);
        ParkingStatus alteOper = read.status("18944[Alte Oper]");
        assertEquals(new ParkingStatus("18944[Alte Oper]", Instant.parse("2021-12-17T05:27:00Z"), 402, 353, 49,
                0.121890545, "open"), alteOper);
        assertEquals(0.27935722, read.status("24279[Konstabler]").occupancy(), EXACT, "226 of 809 spaces");
    }

    @Test
    void readsStuttgartFacilityStatusWithSeveralStates() throws Exception {
        CollectingHandler read = CollectingHandler.readResource("stuttgart-realtime.xml");

        assertEquals(49, read.parkingStatuses.size());
        assertEquals(new ParkingStatus("12717289", Instant.parse("2022-02-11T13:16:01Z"), null, 245, 319, null, "open"),
                read.parkingStatuses.get(0));
        assertEquals("closed", read.status("12717253").status());
        assertEquals(266, read.status("78279135").vacantSpaces());
    }
}
