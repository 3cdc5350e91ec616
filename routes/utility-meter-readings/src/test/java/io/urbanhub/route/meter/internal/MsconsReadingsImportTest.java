package io.urbanhub.route.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.StoreDataLayer;

/** MSCONS messages read into a real store: the readings and load profiles they carry, and the reasons for the rest. */
class MsconsReadingsImportTest {

    private static final String TENANT = "stadtwerke";

    private JdbcStore store;

    @BeforeEach
    void openStore() throws Exception {
        store = new TestStore().store;
    }

    @Test
    void registerReadingsAndALoadProfileBecomeTheirSmartDataModelsWithUnits() throws Exception {
        ReadingSink.Result result = importFile("readings-and-load-profile.edi");

        assertEquals(new ReadingSink.Result(6, 0, 0), result);
        String loadProfile = entity("urn:ngsi-ld:ACMeasurement:stadtwerke:DE0001234567890000000000000000001");
        // the last quarter hour, 23:45 to 00:00 in Berlin: 2 kWh in 15 minutes are 8 kW on average
        assertTrue(loadProfile.contains("\"totalActivePower\":{\"type\":\"Property\",\"value\":8.0,\"unitCode\":\"KWT\""), loadProfile);
        assertTrue(loadProfile.contains("\"observedAt\":\"2024-10-01T23:00:00Z\""), loadProfile);
        String electricity = entity("urn:ngsi-ld:SmartMeteringObservation:stadtwerke:DE0001234567890000000000000000002");
        assertTrue(electricity.contains("\"totalConsumption\":{\"type\":\"Property\",\"value\":12345.678,\"unitCode\":\"KWH\""),
                electricity);
        assertTrue(electricity.contains("\"meterType\":{\"type\":\"Property\",\"value\":\"Electricity\""), electricity);
        String water = entity("urn:ngsi-ld:WaterConsumptionObserved:stadtwerke:DE0001234567890000000000000000002");
        assertTrue(water.contains("\"waterConsumption\":{\"type\":\"Property\",\"value\":842.31,\"unitCode\":\"MTQ\""), water);

        assertEquals(new ReadingSink.Result(0, 6, 0), importFile("readings-and-load-profile.edi"),
                "readings delivered again in another file are known");
    }

    @Test
    void badQuantitiesAreDeadLettersWithTheirSegmentAndABrokenMessageIsOne() throws Exception {
        ReadingSink.Result result = importFile("partly-bad.edi");

        assertEquals(new ReadingSink.Result(1, 0, 6), result);
        String electricity = entity("urn:ngsi-ld:SmartMeteringObservation:stadtwerke:DE0001234567890000000000000000002");
        assertTrue(electricity.contains("\"value\":12401.5,"), "a decimal comma is a decimal mark: " + electricity);
        String at = "file partly-bad.edi message 1 segment ";
        assertEquals(List.of(
                        at + "11 (QTY, line 12): quantity '1,5x00' is no number",
                        at + "13 (QTY, line 14): unit MTQ, but 1-1:1.8.0 is measured in KWH",
                        at + "15 (QTY, line 16): the value is marked unusable (QTY qualifier 20)",
                        at + "17 (QTY, line 18): the quantity has no time (DTM 164, 7 or 9)",
                        at + "20 (QTY, line 21): unknown OBIS code 1-1:99.9.9",
                        "file partly-bad.edi message 2 segment 10 (UNT, line 33): CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT"
                                + " in UNT; none of the message's values imported"),
                reasons());
        DeadLetter unknown = store.reads().deadLetters(TENANT, 10).stream()
                .filter(letter -> letter.reason().contains("99.9.9")).findFirst().orElseThrow();
        assertEquals("QTY+220:1'DTM+7:202411012300+00:303'", new String(unknown.payload(), java.nio.charset.StandardCharsets.UTF_8),
                "the dead letter holds the segments of the refused value");
    }

    @Test
    void aFileThatBreaksOffKeepsItsEarlierMessagesAndDeadLettersTheLastOne() throws Exception {
        ReadingSink.Result result = importFile("broken-off.edi");

        assertEquals(0, result.stored());
        assertEquals(1, result.deadLetters());
        String reason = reasons().get(0);
        assertTrue(reason.startsWith("file broken-off.edi is no readable EDIFACT from line "), reason);
        assertTrue(reason.endsWith("; the message it broke off in is not imported"), reason);
    }

    @Test
    void configuredObisCodesAddToTheBuiltInOnesAndComeFirst() {
        ObisTargets targets = ObisTargets.of("6-*:1.0.0=SmartMeteringObservation/totalConsumption/KWH, "
                + "1-1:1.8.0=SmartMeteringObservation/totalConsumption/MWH");

        assertEquals("KWH", targets.target("6-0:1.0.0").orElseThrow().unitCode());
        assertEquals("MWH", targets.target("1-1:1.8.0*255").orElseThrow().unitCode(), "storage number ignored");
        assertEquals("KWH", targets.target("1-2:1.8.0").orElseThrow().unitCode(), "built in");
        assertTrue(targets.target("1-1:99.9.9").isEmpty());
        IllegalArgumentException wrong = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ObisTargets.of("1-1:1.8=SmartMeteringObservation/totalConsumption/KWH"));
        assertEquals("'1-1:1.8' is no OBIS code of the form A-B:C.D.E (* for any group)", wrong.getMessage());
    }

    private ReadingSink.Result importFile(String name) throws Exception {
        ReadingSink sink = new ReadingSink("utility-meter-readings.stadtwerke", TENANT, MsconsReadingsImport.SYSTEM,
                new StoreDataLayer(store));
        try (InputStream file = getClass().getResourceAsStream("/mscons/" + name)) {
            new MsconsReadingsImport(ObisTargets.of(""), ZoneId.of("Europe/Berlin")).importFile(name, file, sink);
        }
        return sink.finish();
    }

    private String entity(String id) throws Exception {
        return store.reads().entity(TENANT, id).orElseThrow(() -> new AssertionError(id + " not stored")).normalized();
    }

    private List<String> reasons() throws Exception {
        return store.reads().deadLetters(TENANT, 20).stream().map(DeadLetter::reason).sorted().toList();
    }
}
