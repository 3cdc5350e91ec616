package io.urbanhub.core.internal.devices;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.DeviceAdmin;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;
import io.urbanhub.core.internal.store.JdbcDevices;

/**
 * The registered devices, kept in the store and looked up from memory: every uplink asks. Another hub on
 * the same database may change them too, so the table is checked for changes every few seconds.
 * A county's hundred thousand devices share a handful of types and tenants, so those strings are held once.
 */
@Component(service = {DeviceRegistry.class, DeviceAdmin.class})
public class StoredDeviceRegistry implements DeviceRegistry, DeviceAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(StoredDeviceRegistry.class);
    private static final long CHECK_SECONDS = 5;

    private final JdbcDevices table;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, String> sharedNames = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-device-registry");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String loadedVersion = "";

    /**
     * @param dataLayer not used itself: it is there once the store's schema, the device table included, is migrated
     */
    @Activate
    public StoredDeviceRegistry(@Reference(target = "(dataSourceName=urbanhub)") DataSource dataSource,
                                @Reference DataLayer dataLayer) throws SQLException {
        this.table = new JdbcDevices(dataSource);
        reload();
        checker.scheduleWithFixedDelay(this::reloadIfChanged, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        checker.shutdownNow();
    }

    @Override
    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Collection<Device> all() {
        return List.copyOf(devices.values());
    }

    @Override
    public void put(Device device) {
        Device normalized = normalized(device);
        save(List.of(normalized));
    }

    @Override
    public boolean remove(String deviceId) {
        try {
            boolean removed = table.delete(deviceId.toLowerCase(Locale.ROOT));
            devices.remove(deviceId.toLowerCase(Locale.ROOT));
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("Removing device " + deviceId + " failed", e);
        }
    }

    /** Registers the file's devices; those registered just so already are not written again. */
    @Override
    public ImportResult importCsv(Reader csv) throws IOException {
        DeviceCsv.Result parsed = DeviceCsv.parse(csv);
        Map<String, Device> unique = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>(parsed.problems());
        for (Device device : parsed.devices()) {
            if (unique.putIfAbsent(device.deviceId(), normalized(device)) != null) {
                problems.add("device " + device.deviceId() + " is listed twice; the first entry counts");
            }
        }
        List<Device> changed = unique.values().stream().filter(device -> !device.equals(devices.get(device.deviceId()))).toList();
        save(changed);
        LOG.info("Device import: {} devices, {} of them new or changed", unique.size(), changed.size());
        return new ImportResult(unique.size(), problems);
    }

    private void save(List<Device> changed) {
        if (changed.isEmpty()) {
            return;
        }
        try {
            table.save(changed);
        } catch (SQLException e) {
            throw new IllegalStateException("Saving " + changed.size() + " devices failed", e);
        }
        changed.forEach(this::keep);
    }

    private static Device normalized(Device device) {
        return new Device(device.deviceId().toLowerCase(Locale.ROOT), device.deviceType(), device.entity(), device.location(),
                device.name() == null ? "" : device.name());
    }

    /** Holds the device with the shared copies of its type, tenant and entity type names; an equal one is kept as it is. */
    private void keep(Device device) {
        Device known = devices.get(device.deviceId());
        if (device.equals(known)) {
            return;
        }
        EntityId entity = device.entity();
        devices.put(device.deviceId(), new Device(device.deviceId(), shared(device.deviceType()),
                new EntityId(shared(entity.type()), shared(entity.tenant()), entity.localId()), device.location(), device.name()));
    }

    private String shared(String name) {
        return sharedNames.computeIfAbsent(name, Function.identity());
    }

    private void reloadIfChanged() {
        try {
            if (!table.version().equals(loadedVersion)) {
                reload();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Checking the device registry for changes failed; keeping the {} devices known", devices.size(), e);
        }
    }

    private void reload() throws SQLException {
        String version = table.version();
        Set<String> stored = new HashSet<>();
        table.forEach(device -> {
            stored.add(device.deviceId());
            keep(device);
        });
        devices.keySet().retainAll(stored);
        loadedVersion = version;
        LOG.info("Device registry: {} devices", devices.size());
    }
}
