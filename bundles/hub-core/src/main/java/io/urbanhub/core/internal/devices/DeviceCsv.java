package io.urbanhub.core.internal.devices;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

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

    private DeviceCsv() {
    }

    /** Hands over the devices and the problems row by row, in the file's order: a file of any length reads in little memory. */
    public static void read(Reader csv, Consumer<Device> devices, Consumer<String> problems) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(csv)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                int line = rows.getCurrentLocation().getLineNr() - 1;
                Device device;
                try {
                    device = device(row);
                } catch (IllegalArgumentException e) {
                    problems.accept("line " + line + ": " + e.getMessage());
                    continue;
                }
                devices.accept(device);
            }
        }
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
