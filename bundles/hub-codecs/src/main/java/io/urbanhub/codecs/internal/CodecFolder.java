package io.urbanhub.codecs.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.spi.PayloadDecoder;

/**
 * Publishes each codec of the codec folder as a {@link PayloadDecoder} service for its device type, and
 * follows the folder at run time: a new file registers its decoder, a changed one replaces it (the new
 * service comes before the old one goes, so uplinks meet no gap), a deleted or broken one unregisters it.
 */
@Component(service = CodecCatalog.class, configurationPid = "io.urbanhub.codecs", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CodecsConfig.class)
public class CodecFolder implements CodecCatalog {

    /** The codec file a decoder service came from. */
    public static final String CODEC_FILE = "hub.codec.file";

    private static final Logger LOG = LoggerFactory.getLogger(CodecFolder.class);

    private final BundleContext bundleContext;
    private final CodecEngine engine;
    private final CodecDirectory directory;
    private final Map<String, CodecState> states = new ConcurrentHashMap<>();
    private final Map<String, ServiceRegistration<PayloadDecoder>> registrations = new HashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-codec-folder");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public CodecFolder(BundleContext bundleContext, CodecsConfig config) {
        this.bundleContext = bundleContext;
        this.engine = new CodecEngine(new CodecLimits(Duration.ofMillis(config.timeoutMillis()), config.instructionBudget(),
                config.maxStackDepth(), config.maxOutputValues(), config.maxOutputDepth(), config.maxStringLength()));
        this.directory = new CodecDirectory(Path.of(System.getProperty("karaf.etc", "etc")).resolve(config.folder()), engine);
        LOG.info("Codec folder {}, {}", directory.folder(), engine.limits());
        if (!engine.hasRegularExpressions()) {
            LOG.error("Rhino has no regular expressions, codecs that use them will fail: it needs the spifly feature and"
                    + " its bundle started before io.urbanhub.codecs (restart both to mend it)");
        }
        watcher.scheduleWithFixedDelay(this::look, 0, config.pollMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        watcher.shutdownNow();
        watcher.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (registrations) {
            registrations.values().forEach(ServiceRegistration::unregister);
            registrations.clear();
        }
        engine.close();
    }

    @Override
    public List<CodecState> codecs() {
        return states.values().stream().sorted((a, b) -> a.deviceType().compareTo(b.deviceType())).toList();
    }

    private void look() {
        try {
            CodecDirectory.Changes changes = directory.look();
            changes.changed().values().forEach(this::publish);
            changes.removed().forEach(this::withdraw);
        } catch (Exception e) {
            LOG.error("Codec folder {} could not be read; the codecs loaded before stay", directory.folder(), e);
        }
    }

    private void publish(CodecState state) {
        CodecState checked = state.isLoaded() ? decodedElsewhere(state.deviceType()).map(state::refused).orElse(state) : state;
        ServiceRegistration<PayloadDecoder> previous;
        synchronized (registrations) {
            previous = registrations.remove(checked.deviceType());
            if (checked.isLoaded()) {
                registrations.put(checked.deviceType(), bundleContext.registerService(PayloadDecoder.class, checked.decoder(),
                        properties(checked)));
            }
        }
        if (previous != null) {
            previous.unregister();
        }
        states.put(checked.deviceType(), checked);
        if (checked.isLoaded()) {
            LOG.info("Codec {} {} for device type {}", checked.codecFile(), previous == null ? "loaded" : "replaced", checked.deviceType());
        } else {
            LOG.error("Codec {} not loaded, device type {} has {}: {}", checked.codecFile(), checked.deviceType(),
                    previous == null ? "no decoder" : "no decoder any more", checked.reason());
        }
    }

    private void withdraw(String deviceType) {
        ServiceRegistration<PayloadDecoder> registration;
        synchronized (registrations) {
            registration = registrations.remove(deviceType);
        }
        if (registration != null) {
            registration.unregister();
        }
        states.remove(deviceType);
        LOG.info("Codec {}{} removed: device type {} has no decoder", deviceType, CodecDirectory.CODEC, deviceType);
    }

    /** A decoder of another bundle for the same device type would make the hub pick one at random. */
    private Optional<String> decodedElsewhere(String deviceType) {
        try {
            Collection<ServiceReference<PayloadDecoder>> others = bundleContext.getServiceReferences(PayloadDecoder.class,
                    "(" + PayloadDecoder.DEVICE_TYPE + "=" + escape(deviceType) + ")");
            List<String> bundles = new ArrayList<>();
            for (ServiceReference<PayloadDecoder> other : others) {
                if (other.getBundle() != null && other.getBundle().getBundleId() != bundleContext.getBundle().getBundleId()) {
                    bundles.add(other.getBundle().getSymbolicName());
                }
            }
            return bundles.isEmpty() ? Optional.empty()
                    : Optional.of("device type " + deviceType + " is decoded by bundle " + String.join(", ", bundles) + " already");
        } catch (InvalidSyntaxException e) {
            return Optional.of("device type " + deviceType + " cannot be looked up: " + e.getMessage());
        }
    }

    private static Dictionary<String, Object> properties(CodecState state) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PayloadDecoder.DEVICE_TYPE, state.deviceType());
        properties.put(CODEC_FILE, state.codecFile());
        return properties;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
