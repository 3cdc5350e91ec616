package io.urbanhub.route.meter.internal;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.urbanhub.api.model.Property;

/**
 * Imports one CSV file of meter readings, row by row: a good row becomes an observation of its meter's entity,
 * a bad one a dead letter naming the file and line; the other rows go on.
 */
final class CsvReadingsImport {

    static final String SYSTEM = "meter-file";

    private final CsvLayout layout;
    private final String entityType;
    private final String property;
    private final String unitCode;

    CsvReadingsImport(CsvLayout layout, String entityType, String property, String unitCode) {
        this.layout = layout;
        this.entityType = entityType;
        this.property = property;
        this.unitCode = unitCode;
    }

    void importFile(String fileName, Reader csv, ReadingSink sink) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(layout.delimiter());
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(csv)) {
            while (rows.hasNext()) {
                Map<String, String> row;
                int line;
                try {
                    row = rows.next();
                    line = rows.getCurrentLocation().getLineNr() - 1;
                } catch (RuntimeException e) {
                    sink.reject("file " + fileName + " line ?: unreadable: " + e.getMessage(), fileName);
                    break;
                }
                importRow(fileName, line, row, sink);
            }
        }
    }

    private void importRow(String fileName, int line, Map<String, String> row, ReadingSink sink) {
        String meter;
        Instant at;
        double value;
        try {
            meter = layout.meter(row);
            at = layout.time(row);
            value = layout.value(row);
        } catch (IllegalArgumentException e) {
            sink.reject("file " + fileName + " line " + line + ": " + e.getMessage(), row.toString());
            return;
        }
        sink.reading(meter, "", entityType, at, Map.of(property, Property.of(value, unitCode)), row.toString());
    }
}
