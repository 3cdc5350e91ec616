package io.urbanhub.route.meter.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;


/** The times of a DTM segment, in the formats (UN/EDIFACT 2379) that metered-data messages use. */
final class EdifactTimes {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuuMMddHHmm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");

    private EdifactTimes() {
    }

    /**
     * {@code 303} CCYYMMDDHHMMZZZ (offset in hours, e.g. {@code +00}), {@code 203} CCYYMMDDHHMM, {@code 204}
     * CCYYMMDDHHMMSS and {@code 102} CCYYMMDD; times without an offset are in {@code zone}.
     */
    static Instant parse(String value, String format, ZoneId zone) {
        try {
            return switch (format) {
                case "303" -> {
                    if (value.length() != 15) {
                        throw new IllegalArgumentException("DTM '" + value + "' is not CCYYMMDDHHMMZZZ (format 303)");
                    }
                    int hours = Integer.parseInt(value.substring(13).replace("+", ""));
                    ZoneOffset offset = ZoneOffset.ofHours(value.charAt(12) == '-' ? -hours : hours);
                    yield LocalDateTime.parse(value.substring(0, 12), MINUTES).toInstant(offset);
                }
                case "203" -> LocalDateTime.parse(value, MINUTES).atZone(zone).toInstant();
                case "204" -> LocalDateTime.parse(value, SECONDS).atZone(zone).toInstant();
                case "102" -> LocalDate.parse(value, DAY).atStartOfDay(zone).toInstant();
                default -> throw new IllegalArgumentException("DTM format " + format + " is not one of 303, 203, 204, 102");
            };
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("DTM '" + value + "' is no time of format " + format);
        }
    }
}
