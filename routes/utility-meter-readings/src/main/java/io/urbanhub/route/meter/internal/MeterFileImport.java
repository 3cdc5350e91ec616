package io.urbanhub.route.meter.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;

/**
 * Imports one file of meter readings, row by row: a good row becomes an observation of its meter's entity,
 * a bad one a dead letter naming the file and line; the other rows go on. A reading's message id is its
 * meter and time, so a reading delivered again in another file is not stored twice.
 */
final class MeterFileImport {

    static final String SYSTEM = "meter-file";
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._~:-]");

    record Result(int stored, int duplicates, int deadLetters) {
    }

    private final String adapter;
    private final String tenant;
    private final DataLayer dataLayer;
    private final CsvLayout layout;
    private final String entityType;
    private final String property;
    private final String unitCode;

    MeterFileImport(String adapter, String tenant, DataLayer dataLayer, CsvLayout layout, String entityType, String property,
                    String unitCode) {
        this.adapter = adapter;
        this.tenant = tenant;
        this.dataLayer = dataLayer;
        this.layout = layout;
        this.entityType = entityType;
        this.property = property;
        this.unitCode = unitCode;
    }

    Result importFile(String fileName, Reader csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(layout.delimiter());
        int stored = 0;
        int duplicates = 0;
        int deadLetters = 0;
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(csv)) {
            while (rows.hasNext()) {
                Map<String, String> row;
                int line;
                try {
                    row = rows.next();
                    line = rows.getCurrentLocation().getLineNr() - 1;
                } catch (RuntimeException e) {
                    reject(fileName, "?", "unreadable: " + e.getMessage(), fileName);
                    deadLetters++;
                    break;
                }
                Receipt receipt = importRow(fileName, line, row);
                stored += receipt == Receipt.STORED ? 1 : 0;
                duplicates += receipt == Receipt.DUPLICATE ? 1 : 0;
                deadLetters += receipt == Receipt.DEAD_LETTER ? 1 : 0;
            }
        }
        return new Result(stored, duplicates, deadLetters);
    }

    private Receipt importRow(String fileName, int line, Map<String, String> row) {
        String meter;
        Instant at;
        double value;
        try {
            meter = layout.meter(row);
            at = layout.time(row);
            value = layout.value(row);
        } catch (IllegalArgumentException e) {
            return reject(fileName, String.valueOf(line), e.getMessage(), row.toString());
        }
        Source source = new Source(adapter, SYSTEM, meter, "reading:" + at);
        Observation reading = new Observation(new EntityId(entityType, tenant, NOT_ALLOWED.matcher(meter).replaceAll("_")), at,
                Map.of(property, Property.of(value, unitCode)), null, source);
        return dataLayer.accept(new Input(tenant, source, Instant.now(), row.toString().getBytes(StandardCharsets.UTF_8)),
                List.of(reading));
    }

    private Receipt reject(String fileName, String line, String reason, String record) {
        return dataLayer.reject(new Input(tenant, new Source(adapter, SYSTEM, null, null), Instant.now(),
                record.getBytes(StandardCharsets.UTF_8)), "file " + fileName + " line " + line + ": " + reason);
    }
}
