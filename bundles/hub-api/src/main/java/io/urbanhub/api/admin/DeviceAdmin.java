package io.urbanhub.api.admin;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.urbanhub.api.spi.Device;

/** Changes the device registry at run time: one device at a time or a list from CSV. Changes are stored. */
@ProviderType
public interface DeviceAdmin {

    /** Registers the device, or replaces the one with its id. */
    void put(Device device);

    /** False when no device has that id. */
    boolean remove(String deviceId);

    /**
     * Registers every good row of a device CSV (header
     * {@code deviceId,deviceType,tenant,entityType,localId,longitude,latitude,name}) and reports the bad
     * ones with their line numbers.
     */
    ImportResult importCsv(Reader csv) throws IOException;

    record ImportResult(int imported, List<String> problems) {
    }
}
