package io.urbanhub.route.meter.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Which columns of a utility's CSV hold what, and how its times and numbers are written. */
record CsvLayout(char delimiter, String meterColumn, String timeColumn, String valueColumn, DateTimeFormatter timeFormat,
                 ZoneId zone, boolean decimalComma) {

    static CsvLayout of(MeterReadingsConfig config) {
        if (config.delimiter().length() != 1) {
            throw new IllegalArgumentException("The delimiter is one character, not '" + config.delimiter() + "'");
        }
        DateTimeFormatter format;
        try {
            format = config.timePattern().isBlank() ? null : DateTimeFormatter.ofPattern(config.timePattern());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("timePattern '" + config.timePattern() + "' is no date-time pattern: " + e.getMessage());
        }
        return new CsvLayout(config.delimiter().charAt(0), config.meterColumn(), config.timeColumn(), config.valueColumn(),
                format, ZoneId.of(config.zone()), config.decimalComma());
    }

    String meter(Map<String, String> row) {
        return required(row, meterColumn);
    }

    Instant time(Map<String, String> row) {
        String text = required(row, timeColumn);
        try {
            return timeFormat == null ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text, timeFormat).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(timeColumn + " '" + text + "' is no time of the configured pattern");
        }
    }

    double value(Map<String, String> row) {
        String text = required(row, valueColumn);
        String normalized = decimalComma ? text.replace(".", "").replace(',', '.') : text;
        try {
            double value = Double.parseDouble(normalized);
            if (!Double.isFinite(value) || value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(valueColumn + " '" + text + "' is no meter reading");
        }
    }

    private static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("column " + column + " is empty or missing");
        }
        return value.trim();
    }
}
