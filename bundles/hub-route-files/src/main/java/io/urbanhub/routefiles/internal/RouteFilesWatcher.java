package io.urbanhub.routefiles.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.RoutesBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.InstanceNames;

/**
 * Watches {@code etc/urbanhub/routes/<tenant>/<name>.xml}: a new file is registered as the routes of the adapter
 * instance {@code route-file.<tenant>-<name>}, which the hub's route runtime starts, supervises and lists like any
 * adapter's; a changed file replaces it, a deleted one stops it. Nothing else is touched.
 */
@Component(configurationPid = "io.urbanhub.routefiles", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = RouteFilesConfig.class)
public class RouteFilesWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFilesWatcher.class);

    private final BundleContext bundleContext;
    private final Path folder;
    private final Map<Path, Running> running = new HashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-route-files");
        thread.setDaemon(true);
        return thread;
    });

    private record Running(RouteFile file, ServiceRegistration<RoutesBuilder> registration) {
    }

    @Activate
    public RouteFilesWatcher(RouteFilesConfig config, BundleContext bundleContext) {
        this.bundleContext = bundleContext;
        this.folder = Path.of(System.getProperty("karaf.etc", "etc")).resolve(config.folder());
        watcher.scheduleWithFixedDelay(this::look, 0, config.pollMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        watcher.shutdownNow();
        watcher.awaitTermination(10, TimeUnit.SECONDS);
        synchronized (running) {
            running.values().forEach(instance -> unregister(instance.registration));
            running.clear();
        }
    }

    private void look() {
        try {
            Map<Path, RouteFile> found = new HashMap<>();
            for (RouteFile file : files()) {
                found.put(file.path(), file);
            }
            synchronized (running) {
                for (Path gone : List.copyOf(running.keySet())) {
                    RouteFile now = found.get(gone);
                    if (now == null || !now.version().equals(running.get(gone).file.version())) {
                        unregister(running.remove(gone).registration);
                        LOG.info("Route file {} {}", gone, now == null ? "deleted: its instance stops" : "changed: its instance is replaced");
                    }
                }
                for (RouteFile file : found.values()) {
                    if (!running.containsKey(file.path())) {
                        register(file).ifPresent(registration -> running.put(file.path(), new Running(file, registration)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Route files in {} not read: {}", folder, e.toString());
        }
    }

    private List<RouteFile> files() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.find(folder, 2, (path, attributes) -> attributes.isRegularFile())) {
            return paths.flatMap(path -> RouteFile.at(path, version(path)).stream()).toList();
        }
    }

    private static String version(Path path) {
        try {
            return Files.getLastModifiedTime(path) + "/" + Files.size(path);
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private Optional<ServiceRegistration<RoutesBuilder>> register(RouteFile file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file.path());
        } catch (IOException e) {
            LOG.warn("Route file {} not read: {}", file.path(), e.toString());
            return Optional.empty();
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(InstanceNames.ADAPTER, RouteFile.ADAPTER);
        properties.put(InstanceNames.INSTANCE, file.instance());
        properties.put("tenant", file.tenant());
        properties.put(Constants.SERVICE_DESCRIPTION, "Camel routes of " + file.path());
        String location = file.path().toString();
        // prototype scope: every start of the instance gets route definitions of its own
        ServiceRegistration<RoutesBuilder> registration = bundleContext.registerService(RoutesBuilder.class,
                new PrototypeServiceFactory<>() {
                    @Override
                    public RoutesBuilder getService(Bundle bundle, ServiceRegistration<RoutesBuilder> registration) {
                        return new XmlFileRoutes(location, content);
                    }

                    @Override
                    public void ungetService(Bundle bundle, ServiceRegistration<RoutesBuilder> registration, RoutesBuilder service) {
                        // nothing held
                    }
                }, properties);
        LOG.info("Route file {} runs as {}.{}", file.path(), RouteFile.ADAPTER, file.instance());
        return Optional.of(registration);
    }

    private static void unregister(ServiceRegistration<RoutesBuilder> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }
}
