package io.urbanhub.core.internal.devices;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.DeviceAdmin;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;
import io.urbanhub.core.internal.store.JdbcDevices;

/**
 * The registered devices, kept in the store and looked up from memory: every uplink asks. Another hub on
 * the same database may change them too, so the table is checked for changes every few seconds.
 * Each device is held packed (about a hundred bytes), so a registry of a million devices fits the shipped heap.
 * Loading a million takes seconds: the registry offers itself as a service only once loaded, so that adapters wait
 * for it as for any service not there yet, rather than time out on the framework's lock of a service in creation.
 */
@Component(service = {}, immediate = true)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.urbanhub.api.spi.DeviceRegistry,io.urbanhub.api.admin.DeviceAdmin\"")
public class StoredDeviceRegistry implements DeviceRegistry, DeviceAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(StoredDeviceRegistry.class);
    private static final long CHECK_SECONDS = 5;

    private final JdbcDevices table;
    private final PackedDevices packing = new PackedDevices();
    private final Map<String, byte[]> devices = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-device-registry");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String loadedVersion = "";
    private ServiceRegistration<?> registration;

    /**
     * @param dataLayer not used itself: it is there once the store's schema, the device table included, is migrated
     */
    @Activate
    public StoredDeviceRegistry(@Reference(target = "(dataSourceName=urbanhub)") DataSource dataSource,
                                @Reference DataLayer dataLayer, BundleContext context) throws SQLException {
        this(dataSource);
        registration = context.registerService(new String[] {DeviceRegistry.class.getName(), DeviceAdmin.class.getName()},
                this, null);
    }

    /** The registry without offering it as a service. */
    StoredDeviceRegistry(DataSource dataSource) throws SQLException {
        this.table = new JdbcDevices(dataSource);
        reload();
        checker.scheduleWithFixedDelay(this::reloadIfChanged, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        checker.shutdownNow();
    }

    @Override
    public Optional<Device> find(String deviceId) {
        String id = deviceId.toLowerCase(Locale.ROOT);
        byte[] packed = devices.get(id);
        return packed == null ? Optional.empty() : Optional.of(packing.unpack(id, packed));
    }

    /** A view of the registry, each device unpacked as it is reached: listing a million does not copy a million. */
    @Override
    public Collection<Device> all() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Device> iterator() {
                Iterator<Map.Entry<String, byte[]>> entries = devices.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Device next() {
                        Map.Entry<String, byte[]> entry = entries.next();
                        return packing.unpack(entry.getKey(), entry.getValue());
                    }
                };
            }

            @Override
            public int size() {
                return devices.size();
            }
        };
    }

    @Override
    public void put(Device device) {
        Device normalized = normalized(device);
        try {
            table.save(List.of(normalized));
        } catch (SQLException e) {
            throw new IllegalStateException("Saving device " + device.deviceId() + " failed", e);
        }
        devices.put(normalized.deviceId(), packing.pack(normalized));
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

    /**
     * Registers the file's devices in one transaction, reading it row by row; those registered just so already are
     * not written again.
     */
    @Override
    public ImportResult importCsv(Reader csv) throws IOException {
        Set<String> listed = new HashSet<>();
        List<String> changedIds = new ArrayList<>();
        List<byte[]> changed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (JdbcDevices.Saving saving = table.saving()) {
            DeviceCsv.read(csv, parsed -> {
                Device device = normalized(parsed);
                byte[] packed = packing.pack(device);
                if (!listed.add(device.deviceId())) {
                    problems.add("device " + device.deviceId() + " is listed twice; the first entry counts");
                } else if (!Arrays.equals(packed, devices.get(device.deviceId()))) {
                    save(saving, device);
                    changedIds.add(device.deviceId());
                    changed.add(packed);
                }
            }, problems::add);
            saving.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving " + changed.size() + " devices failed", e);
        }
        for (int i = 0; i < changed.size(); i++) {
            devices.put(changedIds.get(i), changed.get(i));
        }
        LOG.info("Device import: {} devices, {} of them new or changed", listed.size(), changed.size());
        return new ImportResult(listed.size(), problems);
    }

    private static void save(JdbcDevices.Saving saving, Device device) {
        try {
            saving.add(device);
        } catch (SQLException e) {
            throw new IllegalStateException("Saving device " + device.deviceId() + " failed", e);
        }
    }

    private static Device normalized(Device device) {
        return new Device(device.deviceId().toLowerCase(Locale.ROOT), device.deviceType(), device.entity(), device.location(),
                device.name() == null ? "" : device.name());
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
            byte[] packed = packing.pack(device);
            // an unchanged device keeps its array; the one just packed is garbage at once
            if (!Arrays.equals(packed, devices.get(device.deviceId()))) {
                devices.put(device.deviceId(), packed);
            }
        });
        devices.keySet().retainAll(stored);
        loadedVersion = version;
        LOG.info("Device registry: {} devices", devices.size());
    }
}
