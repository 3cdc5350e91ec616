package io.urbanhub.core.internal.devices;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.spi.Device;

/**
 * Reads the device list: a CSV file with the header
 * {@code deviceId,deviceType,tenant,entityType,localId,longitude,latitude,name}. Lines starting with
 * {@code #} are comments. A bad row is reported with its line number and skipped; the others load.
 */
public final class DeviceCsv {

    public record Result(List<Device> devices, List<String> problems) {
    }

    private DeviceCsv() {
    }

    public static Result parse(Reader csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        List<Device> devices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(csv)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                int line = rows.getCurrentLocation().getLineNr() - 1;
                try {
                    devices.add(device(row));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        }
        return new Result(devices, problems);
    }

    private static Device device(Map<String, String> row) {
        String deviceId = required(row, "deviceId").toLowerCase(Locale.ROOT);
        EntityId entity = new EntityId(required(row, "entityType"), required(row, "tenant"), required(row, "localId"));
        String longitude = row.getOrDefault("longitude", "");
        String latitude = row.getOrDefault("latitude", "");
        GeoPoint location = null;
        if (!longitude.isEmpty() || !latitude.isEmpty()) {
            try {
                location = new GeoPoint(Double.parseDouble(longitude), Double.parseDouble(latitude));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("longitude '" + longitude + "' and latitude '" + latitude + "' must be numbers");
            }
        }
        return new Device(deviceId, required(row, "deviceType"), entity, location, row.getOrDefault("name", ""));
    }

    private static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("column " + column + " is empty");
        }
        return value;
    }
}
