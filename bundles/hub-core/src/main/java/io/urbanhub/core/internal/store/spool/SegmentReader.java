package io.urbanhub.core.internal.store.spool;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a segment's records in order. It ends at the end of the file or at a record that is cut short or whose
 * checksum fails: a write torn by a crash, never acknowledged, so the records before it are all that count.
 */
final class SegmentReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentReader.class);
    /** Far above the largest input (64 KiB payload and its observations): a larger length is a torn header. */
    static final int MAX_RECORD_BYTES = 8 << 20;

    private final Path path;
    private final long size;
    private final DataInputStream in;
    private long offset;
    private boolean ended;

    SegmentReader(Path path) throws IOException {
        this.path = path;
        this.size = Files.size(path);
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
    }

    /** The next intact record, or {@code null} at the end. */
    byte[] next() throws IOException {
        if (ended || offset == size) {
            ended = true;
            return null;
        }
        try {
            int length = in.readInt();
            int checksum = in.readInt();
            if (length < 0 || length > MAX_RECORD_BYTES || offset + Segment.HEADER_BYTES + length > size) {
                return torn();
            }
            byte[] record = new byte[length];
            in.readFully(record);
            if (Segment.checksum(record) != checksum) {
                return torn();
            }
            offset += Segment.HEADER_BYTES + length;
            return record;
        } catch (EOFException e) {
            return torn();
        }
    }

    private byte[] torn() {
        ended = true;
        LOG.warn("Skipping the torn last {} bytes of spool segment {}: a write cut short, never acknowledged",
                size - offset, path.getFileName());
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
