package io.urbanhub.core.internal.devices;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.DeviceAdmin;


/**
 * Imports {@code etc/urbanhub/devices.csv} into the device registry at start and whenever the file changes:
 * its rows are registered or replace the devices of the same id. Devices no longer in the file stay
 * registered; {@code hub:device-remove} removes them.
 */
@Component(configurationPid = "io.urbanhub.devices", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = DevicesConfig.class)
public class DeviceFileImport {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFileImport.class);

    private final Path file;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-device-file");
        thread.setDaemon(true);
        return thread;
    });
    private final DeviceAdmin registry;
    private volatile String loadedVersion = "";

    @Activate
    public DeviceFileImport(DevicesConfig config, @Reference DeviceAdmin registry) {
        this.registry = registry;
        this.file = Path.of(System.getProperty("karaf.etc", "etc")).resolve(config.file());
        importIfChanged();
        watcher.scheduleWithFixedDelay(this::importIfChanged, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        watcher.shutdownNow();
    }

    private void importIfChanged() {
        try {
            String version = Files.exists(file) ? Files.getLastModifiedTime(file) + "/" + Files.size(file) : "absent";
            if (version.equals(loadedVersion)) {
                return;
            }
            loadedVersion = version;
            if (!Files.exists(file)) {
                return;
            }
            DeviceAdmin.ImportResult result;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                result = registry.importCsv(reader);
            }
            result.problems().forEach(problem -> LOG.error("Device file {}, {}", file, problem));
            LOG.info("Device file {}: {} devices registered", file, result.imported());
        } catch (IOException | RuntimeException e) {
            LOG.error("Device file {} could not be imported", file, e);
        }
    }
}
