package io.urbanhub.core.internal.devices;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;

/** The devices of {@code etc/urbanhub/devices.csv}, loaded at start and again whenever the file changes. */
@Component(configurationPid = "io.urbanhub.devices", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DevicesConfig.class)
public class CsvDeviceRegistry implements DeviceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CsvDeviceRegistry.class);

    private final Path file;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-device-registry");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Device> devices = Map.of();
    private volatile String loadedVersion = "";

    @Activate
    public CsvDeviceRegistry(DevicesConfig config) {
        this.file = Path.of(System.getProperty("karaf.etc", "etc")).resolve(config.file());
        reloadIfChanged();
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        watcher.shutdownNow();
    }

    @Override
    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Collection<Device> all() {
        return List.copyOf(devices.values());
    }

    private void reloadIfChanged() {
        try {
            String version = Files.exists(file) ? Files.getLastModifiedTime(file) + "/" + Files.size(file) : "absent";
            if (version.equals(loadedVersion)) {
                return;
            }
            loadedVersion = version;
            if (!Files.exists(file)) {
                LOG.warn("No device registry at {}: no device is known", file);
                devices = Map.of();
                return;
            }
            DeviceCsv.Result result;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                result = DeviceCsv.parse(reader);
            }
            result.problems().forEach(problem -> LOG.error("Device registry {}, {}", file, problem));
            devices = result.devices().stream().collect(Collectors.toUnmodifiableMap(Device::deviceId, Function.identity(),
                    (first, second) -> {
                        LOG.error("Device registry {}: device {} is listed twice; the first entry counts", file, first.deviceId());
                        return first;
                    }));
            LOG.info("Device registry {}: {} devices", file, devices.size());
        } catch (IOException | RuntimeException e) {
            LOG.error("Device registry {} could not be read; keeping the {} devices loaded before", file, devices.size(), e);
        }
    }
}
