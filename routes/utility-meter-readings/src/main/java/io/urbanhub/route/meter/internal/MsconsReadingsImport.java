package io.urbanhub.route.meter.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

/**
 * Imports one file of EDIFACT MSCONS messages (the German energy market's metered data: register readings and
 * load profiles per metering point), read as a stream by StAEDI, which also checks the interchange's envelope
 * and counts. Each message is imported on its own; a file that breaks off keeps what came before.
 */
final class MsconsReadingsImport {

    static final String SYSTEM = "mscons";

    private final ObisTargets targets;
    private final ZoneId zone;
    private final EDIInputFactory factory = EDIInputFactory.newFactory();

    MsconsReadingsImport(ObisTargets targets, ZoneId zone) {
        this.targets = targets;
        this.zone = zone;
    }

    void importFile(String fileName, InputStream edifact, ReadingSink sink) throws IOException {
        MsconsMessage message = null;
        EdifactSegment segment = null;
        try (EDIStreamReader reader = factory.createEDIStreamReader(edifact)) {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_TRANSACTION -> message = new MsconsMessage(fileName, reader.getLocation().getSegmentPosition(),
                            targets, zone);
                    case START_SEGMENT -> {
                        Location at = reader.getLocation();
                        segment = new EdifactSegment(at.getSegmentTag(), at.getSegmentPosition(), at.getLineNumber());
                    }
                    case ELEMENT_DATA -> {
                        Location at = reader.getLocation();
                        segment.put(at.getElementPosition(), at.getComponentPosition(), reader.getText());
                    }
                    case END_SEGMENT -> {
                        if (message != null) {
                            message.add(segment);
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        String error = reader.getErrorType() + " in " + reader.getLocation().getSegmentTag();
                        if (message != null) {
                            message.broken(segment, error);
                        } else {
                            sink.reject("file " + fileName + " line " + reader.getLocation().getLineNumber()
                                    + ": envelope " + error, String.valueOf(segment));
                        }
                    }
                    case END_TRANSACTION -> {
                        message.end(sink);
                        message = null;
                    }
                    default -> {
                        // interchange, group and composite boundaries: the segments carry what is needed
                    }
                }
            }
        } catch (EDIStreamException e) {
            String reason = "file " + fileName + " is no readable EDIFACT from line " + lineOf(e) + " on: " + e.getMessage();
            sink.reject(message == null ? reason : reason + "; the message it broke off in is not imported",
                    message == null ? fileName : message.text());
        }
    }

    private static String lineOf(EDIStreamException e) {
        return e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNumber());
    }
}
