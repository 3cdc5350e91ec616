package io.urbanhub.core.internal.store.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Input;
import io.urbanhub.core.internal.store.Write;

/** The spool's files: what a crash leaves behind, its bound and its segments. */
class SpoolTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aTornLastRecordIsSkippedAndTheRecordsBeforeItAreKept() throws IOException {
        try (Spool spool = Spool.open(folder, 1 << 20)) {
            for (int frame = 1; frame <= 3; frame++) {
                assertEquals(Spool.Append.APPENDED, spool.append(List.of(write(frame))));
            }
        }
        // a crash in the middle of the fourth append: its header and part of its bytes reached the disk
        Path segment = onlySegment();
        Files.write(segment, ByteBuffer.allocate(28).putInt(500).putInt(42).put(new byte[20]).array(),
                StandardOpenOption.APPEND);

        try (Spool reopened = Spool.open(folder, 1 << 20)) {
            assertEquals(3, reopened.stats().spooledInputs());
            assertEquals(Spool.Append.APPENDED, reopened.append(List.of(write(5))));
            assertEquals(2, segments().size(), "nothing is appended behind a torn record");
            assertEquals(List.of("fcnt:1", "fcnt:2", "fcnt:3", "fcnt:5"), read(reopened));
        }
    }

    @Test
    void aLastRecordWhoseBytesDoNotMatchItsChecksumIsSkipped() throws IOException {
        try (Spool spool = Spool.open(folder, 1 << 20)) {
            assertEquals(Spool.Append.APPENDED, spool.append(List.of(write(1), write(2))));
        }
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 2] ^= 0x20; // a sector of the last record not written as it should have been
        Files.write(segment, bytes);

        try (Spool reopened = Spool.open(folder, 1 << 20)) {
            assertEquals(1, reopened.stats().spooledInputs());
            assertEquals(List.of("fcnt:1"), read(reopened));
        }
    }

    @Test
    void aWriteReadBackIsTheWriteSpooled() throws IOException {
        Source source = new Source("traffic-datex2.musterstadt", "datex2", null, null);
        Observation counts = new Observation(new EntityId("TrafficFlowObserved", "musterstadt", "loop:7"), NOW,
                Map.of("intensity", Property.of(42L), "congested", Property.of(true), "note", Property.of("Stau \"A1\"\n"),
                        "speed", Property.of(48.5, UnitCodes.METRE)),
                new GeoPoint(7.1, 51.2), source);
        Write write = new Write(new Input("musterstadt", source, NOW, new byte[] {0, 1, (byte) 0xff}), List.of(counts));

        SpoolCodec.Spooled back = SpoolCodec.decode(SpoolCodec.encode(write));

        assertNull(back.deadLetter());
        Observation read = back.write().observations().get(0);
        assertEquals(42L, ((Number) read.properties().get("intensity").value()).longValue());
        assertEquals(counts.properties().get("speed"), read.properties().get("speed"));
        assertEquals(counts.properties().get("note"), read.properties().get("note"));
        assertEquals(counts.properties().get("congested"), read.properties().get("congested"));
        assertEquals(counts.location(), read.location());
        assertEquals(counts.entity(), read.entity());
        assertEquals(source, back.write().input().source());
        assertArrayEquals(write.input().payload(), back.write().input().payload());
    }

    @Test
    void aFullSpoolRefusesTheWholeAppendAndKeepsWhatItHeld() throws IOException {
        try (Spool spool = Spool.open(folder, 1_000)) {
            assertEquals(Spool.Append.APPENDED, spool.append(List.of(write(1))));
            assertEquals(Spool.Append.FULL, spool.append(List.of(write(2), write(3), write(4), write(5))));
            assertEquals(1, spool.stats().spooledInputs());
            assertTrue(spool.stats().spooledBytes() <= 1_000);
        }
    }

    @Test
    void finishedSegmentsAreDeletedAndTheSpoolIsEmptyAfterTheLast() throws IOException {
        try (Spool spool = Spool.open(folder, 1 << 20, 600)) {
            for (int frame = 1; frame <= 6; frame++) {
                assertEquals(Spool.Append.APPENDED, spool.append(List.of(write(frame))));
            }
            long segments = segments().size();
            assertTrue(segments > 1, segments + " segments");
            assertEquals(List.of("fcnt:1", "fcnt:2", "fcnt:3", "fcnt:4", "fcnt:5", "fcnt:6"), read(spool));
            assertTrue(spool.isEmpty());
            assertEquals(0, spool.stats().spooledBytes());
            assertEquals(List.of(), segments());
        }
    }

    @Test
    void writesQueueBehindSpooledOnesOnlyWhileThereAreAny() throws IOException {
        try (Spool spool = Spool.open(folder, 1 << 20)) {
            assertEquals(Spool.Append.EMPTY, spool.appendBehindOthers(List.of(write(1))));
            assertTrue(spool.isEmpty());
            assertEquals(Spool.Append.APPENDED, spool.append(List.of(write(2))));
            assertEquals(Spool.Append.APPENDED, spool.appendBehindOthers(List.of(write(3))));
            assertEquals(List.of("fcnt:2", "fcnt:3"), read(spool));
            assertEquals(Spool.Append.EMPTY, spool.appendBehindOthers(List.of(write(4))));
        }
    }

    @Test
    void oneProcessAtATimeHoldsAFolder() throws IOException {
        try (Spool spool = Spool.open(folder, 1 << 20)) {
            assertThrows(IOException.class, () -> Spool.open(folder, 1 << 20));
        }
    }

    /** Reads every segment in order, as the drain does, and finishes each; the message ids read. */
    private static List<String> read(Spool spool) throws IOException {
        List<String> writes = new ArrayList<>();
        for (Segment segment = spool.oldest(); segment != null; segment = spool.oldest()) {
            try (SegmentReader reader = segment.reader()) {
                for (byte[] record = reader.next(); record != null; record = reader.next()) {
                    writes.add(SpoolCodec.decode(record).write().input().source().messageId());
                }
            }
            spool.finished(segment);
        }
        return writes;
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertEquals(1, segments.size());
        return segments.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> Segment.sequence(file) >= 0).sorted().toList();
        }
    }

    private static Write write(int frame) {
        Source source = new Source("lorawan-chirpstack.musterstadt", "chirpstack", "device-1", "fcnt:" + frame);
        Observation reading = new Observation(new EntityId("IndoorEnvironmentObserved", "musterstadt", "device-1"),
                NOW.plusSeconds(frame), Map.of("temperature", Property.of(20.5, UnitCodes.DEGREE_CELSIUS)), null, source);
        return new Write(new Input("musterstadt", source, NOW.plusSeconds(frame), new byte[] {(byte) frame}), List.of(reading));
    }
}
