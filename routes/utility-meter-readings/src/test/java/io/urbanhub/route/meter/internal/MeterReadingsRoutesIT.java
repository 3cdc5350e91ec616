package io.urbanhub.route.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.StoreDataLayer;

/** Files dropped into a real folder, imported by the adapter into a real store. */
class MeterReadingsRoutesIT {

    private static final String FILE = String.join("\n",
            "meter;time;value",
            "WZ-4711;01.11.2026 00:00;1.234,567",
            "WZ-4711;01.12.2026 00:00;1.240,125",
            "WZ-0815;01.12.2026 00:00;17,5",
            "WZ-0816;31.13.2026 00:00;3,0",
            "WZ-0817;01.12.2026 00:00;minus drei",
            "");

    @TempDir
    Path folder;

    @Test
    void goodRowsAreStoredBadOnesAreDeadLettersWithTheirLineAndAFileIsImportedOnceEvenAfterARestart() throws Exception {
        TestStore test = new TestStore();
        JdbcStore store = test.store;

        try (CamelContext context = start(store)) {
            Files.writeString(folder.resolve("zaehlerstaende-2026-12.csv"), FILE, StandardCharsets.UTF_8);
            TestStore.awaitTrue(() -> Files.exists(folder.resolve(".imported/zaehlerstaende-2026-12.csv")));
        }
        assertEquals(3, test.observations("stadtwerke"));
        String meter = store.reads().entity("stadtwerke", "urn:ngsi-ld:WaterConsumptionObserved:stadtwerke:WZ-4711")
                .orElseThrow().normalized();
        assertTrue(meter.contains("\"waterConsumption\":{\"type\":\"Property\",\"value\":1240.125,\"unitCode\":\"MTQ\""), meter);
        assertTrue(meter.contains("\"observedAt\":\"2026-11-30T23:00:00Z\""), "midnight in Berlin: " + meter);
        List<String> reasons = store.reads().deadLetters("stadtwerke", 10).stream().map(DeadLetter::reason).toList();
        assertTrue(reasons.contains("file zaehlerstaende-2026-12.csv line 5: time '31.13.2026 00:00' is no time of the configured pattern"),
                reasons.toString());
        assertTrue(reasons.contains("file zaehlerstaende-2026-12.csv line 6: value 'minus drei' is no meter reading"),
                reasons.toString());

        // the same file delivered again, to an adapter started anew
        try (CamelContext context = start(store)) {
            Files.writeString(folder.resolve("zaehlerstaende-2026-12.csv"), FILE, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("zaehlerstaende-2027-01.csv"), "meter;time;value\nWZ-4711;01.01.2027 00:00;1.251,0\n",
                    StandardCharsets.UTF_8);
            TestStore.awaitTrue(() -> Files.exists(folder.resolve(".imported/zaehlerstaende-2027-01.csv")));
            Thread.sleep(2_000);
        }
        assertEquals(4, test.observations("stadtwerke"),
                "only the new file's reading");
        assertEquals(2, store.reads().deadLetters("stadtwerke", 10).size(), "the known file was not read again");
        assertTrue(Files.exists(folder.resolve("zaehlerstaende-2026-12.csv")), "a known file stays where it was delivered");
    }

    private CamelContext start(JdbcStore store) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("utility-meter-readings.stadtwerke");
        TestSettings settings = new TestSettings();
        settings.folder = folder.toString();
        context.addRoutes(new MeterReadingsRoutes(settings, new StoreDataLayer(store)));
        context.start();
        return context;
    }
}
