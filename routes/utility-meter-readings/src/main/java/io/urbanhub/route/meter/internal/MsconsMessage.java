package io.urbanhub.route.meter.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.urbanhub.api.model.Property;

/**
 * One MSCONS message (UNH to UNT) turned into readings: per metering point (LOC+172) and OBIS code (PIA+5) each
 * quantity (QTY) with its times (DTM). A bad quantity is a dead letter with its segment number, counted from UNH
 * as EDIFACT does; a message whose structure is broken (e.g. a UNT count that does not match) is one dead letter.
 * Readings are handed over only once UNT shows the message complete.
 */
final class MsconsMessage {

    /** Quantity qualifiers (UN/EDIFACT 6063) of metered values: true value, substitute value, proposed value. */
    private static final List<String> METERED = List.of("220", "67", "201");
    private static final String UNUSABLE = "20";
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}([.,]\\d{1,15})?");
    /** Beyond this a message is refused: it would be held in memory until its UNT. */
    static final int MAX_SEGMENTS = 500_000;

    private record Reading(String meter, String obis, String entityType, Instant at, Map<String, Property> values,
                           String record) {
    }

    private record Rejected(String reason, String record) {
    }

    private final String fileName;
    private final int firstPosition;
    private final ObisTargets targets;
    private final ZoneId zone;
    private final List<Reading> readings = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private final List<String> text = new ArrayList<>();
    private String reference = "?";
    private String broken;
    private String meteringPoint;
    private String obis;
    private EdifactSegment quantity;
    private final Map<String, EdifactSegment> times = new HashMap<>();

    MsconsMessage(String fileName, int firstPosition, ObisTargets targets, ZoneId zone) {
        this.fileName = fileName;
        this.firstPosition = firstPosition;
        this.targets = targets;
        this.zone = zone;
    }

    void add(EdifactSegment segment) {
        if (text.size() >= MAX_SEGMENTS) {
            broken(segment, "the message has more than " + MAX_SEGMENTS + " segments");
            return;
        }
        text.add(segment.toString());
        switch (segment.tag()) {
            case "UNH" -> {
                reference = segment.value(1, 1);
                if (!"MSCONS".equals(segment.value(2, 1))) {
                    broken(segment, "message type '" + segment.value(2, 1) + "' is not MSCONS");
                }
            }
            case "LOC" -> {
                endQuantity();
                meteringPoint = "172".equals(segment.value(1, 1)) ? segment.value(2, 1) : meteringPoint;
                obis = null;
            }
            case "LIN" -> {
                endQuantity();
                obis = null;
            }
            case "PIA" -> {
                endQuantity();
                obis = "5".equals(segment.value(1, 1)) ? segment.value(2, 1) : obis;
            }
            case "QTY" -> {
                endQuantity();
                quantity = segment;
            }
            case "DTM" -> {
                if (quantity != null) {
                    times.put(segment.value(1, 1), segment);
                }
            }
            case "UNT" -> endQuantity();
            default -> {
                // status and other segments carry nothing the readings need
            }
        }
    }

    /** Marks the message as not importable, e.g. where the reader found its structure wrong. */
    void broken(EdifactSegment segment, String reason) {
        if (broken == null) {
            broken = where(segment) + reason;
        }
    }

    /** Hands the complete message's readings and dead letters to the sink. */
    void end(ReadingSink sink) {
        if (broken != null) {
            sink.reject(broken + "; none of the message's values imported", String.join("\n", text));
            return;
        }
        readings.forEach(r -> sink.reading(r.meter, r.obis, r.entityType, r.at, r.values, r.record));
        rejected.forEach(r -> sink.reject(r.reason, r.record));
    }

    /** The message so far, for a file that breaks off inside it. */
    String text() {
        return String.join("\n", text);
    }

    String where(EdifactSegment segment) {
        return "file " + fileName + " message " + reference + " segment " + (segment.position() - firstPosition + 1)
                + " (" + segment.tag() + ", line " + segment.line() + "): ";
    }

    private void endQuantity() {
        if (quantity == null) {
            return;
        }
        String record = quantity + times.values().stream().map(EdifactSegment::toString).collect(Collectors.joining());
        try {
            readings.add(reading(record));
        } catch (IllegalArgumentException e) {
            rejected.add(new Rejected(where(quantity) + e.getMessage(), record));
        }
        quantity = null;
        times.clear();
    }

    private Reading reading(String record) {
        if (meteringPoint == null || meteringPoint.isBlank()) {
            throw new IllegalArgumentException("quantity without a metering point (LOC+172)");
        }
        if (obis == null || obis.isBlank()) {
            throw new IllegalArgumentException("quantity without an OBIS code (PIA+5)");
        }
        String code = ObisTargets.normalized(obis);
        ObisTargets.Target target = targets.target(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown OBIS code " + obis));
        String qualifier = quantity.value(1, 1);
        if (UNUSABLE.equals(qualifier)) {
            throw new IllegalArgumentException("the value is marked unusable (QTY qualifier 20)");
        }
        if (!METERED.contains(qualifier)) {
            throw new IllegalArgumentException("QTY qualifier '" + qualifier + "' is no metered value (220, 67, 201)");
        }
        String number = quantity.value(1, 2);
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("quantity '" + number + "' is no number");
        }
        String unit = quantity.value(1, 3);
        if (!unit.isEmpty() && !unit.equals(target.deliveredUnit())) {
            throw new IllegalArgumentException("unit " + unit + ", but " + code + " is measured in " + target.deliveredUnit());
        }
        double value = Double.parseDouble(number.replace(',', '.'));
        Optional<Instant> start = time("163");
        Optional<Instant> end = time("164");
        Instant at = end.or(() -> time("7")).or(() -> time("9"))
                .orElseThrow(() -> new IllegalArgumentException("the quantity has no time (DTM 164, 7 or 9)"));
        if (target.perHour()) {
            Instant from = start.orElseThrow(() -> new IllegalArgumentException("a period's quantity without its start (DTM 163)"));
            if (end.isEmpty() || !from.isBefore(at)) {
                throw new IllegalArgumentException("the period (DTM 163 to 164) is empty or not given");
            }
            value = value / (Duration.between(from, at).toSeconds() / 3600.0);
        }
        Map<String, Property> values = new LinkedHashMap<>();
        values.put(target.property(), Property.of(value, target.unitCode()));
        if ("SmartMeteringObservation".equals(target.entityType())) {
            ObisTargets.meterType(code).ifPresent(type -> values.put("meterType", Property.of(type)));
        }
        return new Reading(meteringPoint, code, target.entityType(), at, values, record);
    }

    private Optional<Instant> time(String qualifier) {
        EdifactSegment dtm = times.get(qualifier);
        return dtm == null ? Optional.empty() : Optional.of(EdifactTimes.parse(dtm.value(1, 2), dtm.value(1, 3), zone));
    }
}
