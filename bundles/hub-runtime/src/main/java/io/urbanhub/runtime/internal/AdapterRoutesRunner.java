package io.urbanhub.runtime.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.spi.DataFormatResolver;
import org.apache.camel.spi.LanguageResolver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.admin.InstanceNames;
import io.urbanhub.api.spi.Downlink;

/**
 * The whiteboard for adapter routes: every {@link RoutesBuilder} service with a {@code hub.adapter}
 * property runs in a CamelContext of its own, started when the service appears and stopped when it
 * goes. Adapters therefore hold no lifecycle code, and installing, updating or removing an adapter
 * bundle touches exactly its own contexts.
 */
@Component(immediate = true, service = AdapterInstances.class)
public class AdapterRoutesRunner implements AdapterInstances {

    /** Coalesces the burst of resolver services that a feature installation registers. */
    private static final long RETRY_DELAY_MILLIS = 300;

    private final BundleContext bundleContext;
    private final ScheduledExecutorService lifecycle = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-adapter-lifecycle");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<ServiceReference<RoutesBuilder>, AdapterInstance> instances = new ConcurrentHashMap<>();
    /**
     * Names of the instances an admin stopped. Kept by name so that a changed configuration or an updated
     * adapter bundle does not start them again; kept in memory only, so a restart of the hub does.
     */
    private final Set<String> stoppedByAdmin = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> pendingRetry;

    @Activate
    public AdapterRoutesRunner(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Reference(service = RoutesBuilder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + InstanceNames.ADAPTER + "=*)")
    void addAdapter(ServiceReference<RoutesBuilder> reference) {
        AdapterInstance instance = new AdapterInstance(reference, bundleContext,
                stoppedByAdmin.contains(InstanceNames.contextName(AdapterInstance.propertiesOf(reference))));
        instances.put(reference, instance);
        lifecycle.execute(instance::start);
    }

    /** Stops synchronously: the adapter bundle may be on its way out and must not outlive its routes. */
    void removeAdapter(ServiceReference<RoutesBuilder> reference) {
        AdapterInstance instance = instances.remove(reference);
        if (instance != null) {
            instance.stop();
        }
    }

    @Reference(service = ComponentResolver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addComponentResolver(ServiceReference<ComponentResolver> reference) {
        retrySoon();
    }

    void removeComponentResolver(ServiceReference<ComponentResolver> reference) {
        // running routes keep the component instances they already have
    }

    @Reference(service = LanguageResolver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addLanguageResolver(ServiceReference<LanguageResolver> reference) {
        retrySoon();
    }

    void removeLanguageResolver(ServiceReference<LanguageResolver> reference) {
        // as for components
    }

    @Reference(service = DataFormatResolver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addDataFormatResolver(ServiceReference<DataFormatResolver> reference) {
        retrySoon();
    }

    void removeDataFormatResolver(ServiceReference<DataFormatResolver> reference) {
        // as for components
    }

    @Override
    public List<AdapterInstanceStatus> instances() {
        return instances.values().stream()
                .map(AdapterInstance::status)
                .sorted(Comparator.comparing(AdapterInstanceStatus::name))
                .toList();
    }

    @Override
    public void replay(String name, byte[] input) {
        instance(name).send(AdapterInstances.REPLAY_ROUTE, AdapterInstances.REPLAY_ENDPOINT, input, "replay its inputs");
    }

    @Override
    public void downlink(String name, Downlink downlink) {
        instance(name).send(AdapterInstances.DOWNLINK_ROUTE, AdapterInstances.DOWNLINK_ENDPOINT, downlink, "send downlinks");
    }

    @Override
    public AdapterInstanceStatus stop(String name) {
        AdapterInstance instance = existing(name);
        stoppedByAdmin.add(name);
        instance.stopByAdmin();
        return instance.status();
    }

    @Override
    public AdapterInstanceStatus start(String name) {
        AdapterInstance instance = existing(name);
        stoppedByAdmin.remove(name);
        instance.startByAdmin();
        return instance.status();
    }

    @Override
    public AdapterInstanceStatus restart(String name) {
        stop(name);
        return start(name);
    }

    private AdapterInstance existing(String name) {
        return instances.values().stream().filter(candidate -> candidate.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No adapter instance " + name + " is installed"));
    }

    private AdapterInstance instance(String name) {
        return instances.values().stream().filter(candidate -> candidate.status().name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalStateException("No adapter instance " + name + " is installed"));
    }

    @Deactivate
    void deactivate() {
        lifecycle.shutdownNow();
        instances.values().forEach(AdapterInstance::stop);
        instances.clear();
    }

    private synchronized void retrySoon() {
        if (pendingRetry != null && !pendingRetry.isDone()) {
            return;
        }
        pendingRetry = lifecycle.schedule(() -> instances.values().stream()
                .filter(AdapterInstance::needsRetry)
                .forEach(AdapterInstance::start), RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
}
