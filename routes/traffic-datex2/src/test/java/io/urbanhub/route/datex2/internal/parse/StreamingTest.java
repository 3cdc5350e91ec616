package io.urbanhub.route.datex2.internal.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A large publication is read record by record, never held whole. */
class StreamingTest {

    private static final long TARGET_BYTES = 20L * 1024 * 1024;

    @Test
    void readsA20MegabyteStatusPublicationWithBoundedMemory() throws Exception {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> writeStatusPublication(out, written), "datex2-generator");
        writer.start();

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long baseline = runtime.totalMemory() - runtime.freeMemory();
        long[] peak = {0};
        long[] count = {0};
        Datex2Reader.read(in, new Datex2Handler() {
            @Override
            public void parkingStatus(ParkingStatus status) {
                count[0]++;
                if (count[0] % 20_000 == 0) {
                    System.gc();
                    peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory() - baseline);
                }
            }
        });
        writer.join();

        assertTrue(written.get() >= TARGET_BYTES, "generated " + written.get() + " bytes");
        assertTrue(count[0] > 40_000, "statuses read: " + count[0]);
        assertTrue(peak[0] < 8L * 1024 * 1024, "heap grew by " + peak[0] + " bytes while reading");
    }

    private static void writeStatusPublication(OutputStream out, AtomicLong written) {
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            String head = """
                    <d2LogicalModel xmlns="http://datex2.eu/schema/2/2_0"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" modelBaseVersion="2">
                    <payloadPublication xsi:type="GenericPublication" lang="de">
                    <publicationTime>2025-01-01T00:00:00Z</publicationTime>
                    <genericPublicationName>ParkingStatusPublication</genericPublicationName>
                    <genericPublicationExtension><parkingStatusPublication>
                    """;
            w.write(head);
            long bytes = head.length();
            for (int i = 0; bytes < TARGET_BYTES; i++) {
                String record = "<parkingRecordStatus xsi:type=\"ParkingSiteStatus\">"
                        + "<parkingRecordReference id=\"P" + i + "\" targetClass=\"ParkingRecord\" version=\"1\"/>"
                        + "<parkingStatusOriginTime>2025-01-01T00:00:00Z</parkingStatusOriginTime>"
                        + "<parkingOccupancy><parkingNumberOfVacantSpaces>" + (i % 500)
                        + "</parkingNumberOfVacantSpaces><parkingOccupancy>42.5</parkingOccupancy></parkingOccupancy>"
                        + "<parkingSiteOpeningStatus>open</parkingSiteOpeningStatus></parkingRecordStatus>\n";
                w.write(record);
                bytes += record.length();
            }
            String tail = "</parkingStatusPublication></genericPublicationExtension></payloadPublication>"
                    + "</d2LogicalModel>\n";
            w.write(tail);
            written.set(bytes + tail.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
