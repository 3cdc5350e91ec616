package io.urbanhub.route.datex2.internal.parse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.urbanhub.route.datex2.internal.parse.Datex2Exception.Reason;

/** DATEX II simple values; a value that is present but unreadable fails the publication. */
final class Values {

    private Values() {
    }

    static Integer integer(XmlNode record, String... path) throws Datex2Exception {
        String text = record.text(path);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw invalid(record, path, text, e);
        }
    }

    static Double decimal(XmlNode record, String... path) throws Datex2Exception {
        String text = record.text(path);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw invalid(record, path, text, e);
        }
    }

    /** An xs:dateTime; DATEX II times without an offset cannot be placed, so they are refused. */
    static Instant instant(XmlNode record, String... path) throws Datex2Exception {
        String text = record.text(path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(record, path, text, e);
        }
    }

    /** The first text of a DATEX II MultilingualString. */
    static String multilingual(XmlNode record, String element) {
        XmlNode string = record.child(element);
        if (string == null) {
            return null;
        }
        XmlNode values = string.child("values");
        if (values == null) {
            return null;
        }
        for (XmlNode value : values.children("value")) {
            if (value.text() != null) {
                return value.text();
            }
        }
        return null;
    }

    private static Datex2Exception invalid(XmlNode record, String[] path, String text, Exception cause) {
        return new Datex2Exception(Reason.INVALID_VALUE, "<" + String.join("/", path) + "> of <" + record.name()
                + "> id " + record.attribute("id") + " is not a valid value: '" + text + "'", record.line(), cause);
    }
}
