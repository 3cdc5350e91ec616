package io.urbanhub.core.internal.store.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One file of the spool: records appended as [length][CRC-32][bytes], each append forced to disk before it counts.
 * A file is only appended to by the process that created it, so a torn record can only be its last one.
 */
final class Segment {

    static final int HEADER_BYTES = 8;

    private final Path path;
    private final long sequence;
    private FileChannel appender;
    private long bytes;
    private long records;

    private Segment(Path path, long sequence, FileChannel appender, long bytes, long records) {
        this.path = path;
        this.sequence = sequence;
        this.appender = appender;
        this.bytes = bytes;
        this.records = records;
    }

    static String name(long sequence) {
        return String.format("spool-%016d.log", sequence);
    }

    /** The sequence number in a segment's file name, or -1 when the file is not a segment. */
    static long sequence(Path file) {
        String name = file.getFileName().toString();
        if (!name.matches("spool-\\d{16}\\.log")) {
            return -1;
        }
        return Long.parseLong(name.substring(6, 22));
    }

    static Segment create(Path folder, long sequence) throws IOException {
        Path path = folder.resolve(name(sequence));
        FileChannel appender = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        forceDirectory(folder);
        return new Segment(path, sequence, appender, 0, 0);
    }

    /** A segment left by an earlier run: sealed, with its intact records counted. */
    static Segment existing(Path path) throws IOException {
        long records = 0;
        try (SegmentReader reader = new SegmentReader(path)) {
            while (reader.next() != null) {
                records++;
            }
        }
        return new Segment(path, sequence(path), null, Files.size(path), records);
    }

    void append(List<byte[]> encoded) throws IOException {
        int total = 0;
        for (byte[] record : encoded) {
            total += HEADER_BYTES + record.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        for (byte[] record : encoded) {
            buffer.putInt(record.length).putInt(checksum(record)).put(record);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            appender.write(buffer);
        }
        appender.force(false);
        bytes += total;
        records += encoded.size();
    }

    /** Takes no more appends: the drain reads only sealed segments. */
    void seal() throws IOException {
        if (appender != null) {
            appender.close();
            appender = null;
        }
    }

    boolean sealed() {
        return appender == null;
    }

    SegmentReader reader() throws IOException {
        return new SegmentReader(path);
    }

    /** How many records from the start are in the store, as last recorded; 0 when none or unreadable. */
    long drainedRecords() throws IOException {
        Path checkpoint = checkpoint(path);
        if (!Files.exists(checkpoint) || Files.size(checkpoint) < Long.BYTES) {
            return 0;
        }
        return ByteBuffer.wrap(Files.readAllBytes(checkpoint)).getLong();
    }

    /**
     * Records how many records from the start are in the store, so that a restart goes on after them: without it,
     * inputs that have no message id would be stored again.
     */
    void markDrained(long records) throws IOException {
        try (FileChannel checkpoint = FileChannel.open(checkpoint(path), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            checkpoint.write(ByteBuffer.allocate(Long.BYTES).putLong(records).flip(), 0);
            checkpoint.force(false);
        }
    }

    void delete() throws IOException {
        seal();
        Files.deleteIfExists(path);
        Files.deleteIfExists(checkpoint(path));
    }

    static Path checkpoint(Path segment) {
        return segment.resolveSibling(segment.getFileName() + ".drained");
    }

    long bytes() {
        return bytes;
    }

    long records() {
        return records;
    }

    long sequence() {
        return sequence;
    }

    Path path() {
        return path;
    }

    static int checksum(byte[] record) {
        CRC32 crc = new CRC32();
        crc.update(record);
        return (int) crc.getValue();
    }

    /** A new file's name is durable only once its folder is forced too. */
    private static void forceDirectory(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // some file systems do not open folders; the records themselves are forced all the same
        }
    }
}
