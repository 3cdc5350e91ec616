package io.urbanhub.core.internal.store.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.SpoolStats;
import io.urbanhub.api.spi.Input;
import io.urbanhub.core.internal.store.Write;

/**
 * The writes taken while the database is away, in segment files on disk, oldest first. Bounded in bytes: when it is
 * full, an append is refused and the writes fail as they would without a spool. One process per folder (a lock).
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    static final long SEGMENT_BYTES = 16L << 20;

    private final Path folder;
    private final long maxBytes;
    private final long segmentBytes;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Deque<Segment> segments = new ArrayDeque<>();
    private long nextSequence;
    // changed under the lock; read without it, so that the readiness never waits for a hand-over to the database
    private volatile long bytes;
    private volatile long inputs;
    private volatile long drainedOfOldest;
    private volatile boolean databaseReachable = true;

    private Spool(Path folder, long maxBytes, long segmentBytes) throws IOException {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(folder);
        this.lockFile = FileChannel.open(folder.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockFile);
        if (lock == null) {
            lockFile.close();
            throw new IOException("Another process holds the spool in " + folder);
        }
        for (Path path : existing(folder)) {
            Segment segment = Segment.existing(path);
            segments.add(segment);
            bytes += segment.bytes();
            inputs += segment.records();
            nextSequence = segment.sequence() + 1;
        }
        if (!segments.isEmpty()) {
            drainedOfOldest = segments.peekFirst().drainedRecords();
        }
        if (inputs > 0) {
            LOG.info("The spool in {} holds {} inputs from before; they are written to the store once it answers",
                    folder, inputs);
        }
    }

    /** Opens the spool in the folder, creating it, and takes up the segments an earlier run left there. */
    public static Spool open(Path folder, long maxBytes) throws IOException {
        return new Spool(folder, maxBytes, SEGMENT_BYTES);
    }

    static Spool open(Path folder, long maxBytes, long segmentBytes) throws IOException {
        return new Spool(folder, maxBytes, segmentBytes);
    }

    /** What became of an append. */
    public enum Append {
        /** On disk: the writes survive a crash. */
        APPENDED,
        /** Nothing appended: they do not fit. */
        FULL,
        /** Nothing appended: the spool held nothing for them to queue behind. */
        EMPTY
    }

    /** Appends the writes and forces them to disk; once it returns APPENDED they survive a crash. */
    public Append append(List<Write> writes) throws IOException {
        return appendEncoded(encode(writes), false);
    }

    /**
     * Appends the writes only when the spool holds some already, in one step with that check: a write must not
     * overtake those spooled before it, nor be spooled behind none once the spool ran empty.
     */
    public Append appendBehindOthers(List<Write> writes) throws IOException {
        return isEmpty() ? Append.EMPTY : appendEncoded(encode(writes), true);
    }

    /** Appends a dead letter the database could not take, to be kept there once it answers. */
    public Append appendDeadLetter(Input input, String reason) throws IOException {
        return appendEncoded(List.of(SpoolCodec.encode(new Write(input, List.of()), reason)), false);
    }

    private static List<byte[]> encode(List<Write> writes) {
        List<byte[]> encoded = new ArrayList<>(writes.size());
        for (Write write : writes) {
            encoded.add(SpoolCodec.encode(write));
        }
        return encoded;
    }

    private synchronized Append appendEncoded(List<byte[]> encoded, boolean onlyBehindOthers) throws IOException {
        if (onlyBehindOthers && segments.isEmpty()) {
            return Append.EMPTY;
        }
        long size = 0;
        for (byte[] record : encoded) {
            size += Segment.HEADER_BYTES + record.length;
        }
        if (bytes + size > maxBytes) {
            return Append.FULL;
        }
        Segment active = segments.peekLast();
        if (active == null || active.sealed() || active.bytes() > 0 && active.bytes() + size > segmentBytes) {
            if (active != null) {
                active.seal();
            }
            active = Segment.create(folder, nextSequence++);
            segments.add(active);
        }
        try {
            active.append(encoded);
        } catch (IOException e) {
            // part of it may be on disk: a torn tail, where the reader stops; later appends go after it, in a new file
            active.seal();
            throw e;
        }
        bytes += size;
        inputs += encoded.size();
        return Append.APPENDED;
    }

    /** Whether no segment waits: only then may writes go to the database straight, without overtaking spooled ones. */
    public synchronized boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The oldest segment, sealed so that new writes go to the next one; {@code null} when there is none. */
    synchronized Segment oldest() throws IOException {
        Segment oldest = segments.peekFirst();
        if (oldest != null) {
            oldest.seal();
        }
        return oldest;
    }

    /** Whether no segment was begun after this one. */
    synchronized boolean isNewest(Segment segment) {
        return segments.peekLast() == segment;
    }

    /** So many of the oldest segment's inputs, from its start, are in the store now. */
    synchronized void drained(long fromOldest) throws IOException {
        segments.getFirst().markDrained(fromOldest);
        drainedOfOldest = fromOldest;
    }

    /** How many of the oldest segment's inputs, from its start, are in the store already. */
    long drainedOfOldest() {
        return drainedOfOldest;
    }

    /** The segment is written to the store: its file goes. */
    synchronized void finished(Segment segment) throws IOException {
        segment.delete();
        segments.remove(segment);
        bytes -= segment.bytes();
        inputs -= segment.records();
        drainedOfOldest = 0;
    }

    /** Records whether the database answered the last write or probe, and says so in the log when that changes. */
    public void databaseReachable(boolean reachable) {
        if (databaseReachable != reachable) {
            databaseReachable = reachable;
            if (reachable) {
                LOG.info("The database answers again; writing the {} spooled inputs to it", inputs());
            } else {
                LOG.warn("The database is away; spooling writes to {} (at most {} MB)", folder, maxBytes >> 20);
            }
        }
    }

    public SpoolStats stats() {
        return new SpoolStats(databaseReachable, inputs(), bytes, maxBytes);
    }

    public long inputs() {
        return Math.max(0, inputs - drainedOfOldest);
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public synchronized void close() throws IOException {
        for (Segment segment : segments) {
            segment.seal();
        }
        lock.release();
        lockFile.close();
    }

    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held in this process, by a data layer not yet stopped
        }
    }

    private static List<Path> existing(Path folder) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(folder)) {
            segments = files.filter(file -> Segment.sequence(file) >= 0)
                    .sorted(Comparator.comparingLong(Segment::sequence)).toList();
        }
        // a stop between deleting a finished segment and its checkpoint leaves the checkpoint alone
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".drained")).toList()) {
                if (!segments.contains(file.resolveSibling(file.getFileName().toString().replace(".drained", "")))) {
                    Files.delete(file);
                }
            }
        }
        return segments;
    }
}
