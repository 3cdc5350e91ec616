package io.urbanhub.metrics.internal;

import java.util.Hashtable;
import java.util.List;

import org.apache.cxf.endpoint.Server;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.urbanhub.rest.cxf.CxfServers;

/**
 * The hub's meter registry: registered as a Micrometer {@link MeterRegistry} service for any bundle to add meters
 * to (the data layer does), with the JVM's meters and every adapter context's route statistics, and scraped at
 * {@code /metrics} in the Prometheus text format.
 */
@Component(immediate = true, service = {}, configurationPid = "io.urbanhub.metrics",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MetricsConfig.class)
public class HubMetrics {

    private final PrometheusMeterRegistry registry = newRegistry();
    private final JvmMeters jvm;
    private final CamelContextMeters camel;
    private final ServiceRegistration<MeterRegistry> registration;
    private final Server server;

    @Activate
    public HubMetrics(BundleContext bundleContext, MetricsConfig config) {
        jvm = new JvmMeters(registry);
        camel = new CamelContextMeters(bundleContext, registry);
        camel.open();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("registry", "prometheus");
        registration = bundleContext.registerService(MeterRegistry.class, registry, properties);
        server = CxfServers.publish(config.metrics_address(), List.of(new MetricsResource(registry)));
    }

    /** Without pause detection, which needs LatencyUtils, a bundle the hub does not ship. */
    static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().pauseDetector(new NoPauseDetector());
        return registry;
    }

    @Deactivate
    void deactivate() {
        server.destroy();
        registration.unregister();
        camel.close();
        jvm.close();
        registry.close();
    }
}
