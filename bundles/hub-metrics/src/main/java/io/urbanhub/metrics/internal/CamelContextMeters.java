package io.urbanhub.metrics.internal;

import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.urbanhub.api.admin.InstanceNames;

/**
 * Follows the CamelContext of every adapter instance, as the route runtime publishes them, and keeps the route
 * meters of the running ones in the registry.
 */
final class CamelContextMeters extends ServiceTracker<CamelContext, CamelRouteMeters.Bound> {

    private static final String ADAPTER_CONTEXTS = "(&(objectClass=" + CamelContext.class.getName() + ")("
            + InstanceNames.ADAPTER + "=*))";

    private final MeterRegistry registry;

    CamelContextMeters(BundleContext bundleContext, MeterRegistry registry) {
        super(bundleContext, filter(), null);
        this.registry = registry;
    }

    private static org.osgi.framework.Filter filter() {
        try {
            return FrameworkUtil.createFilter(ADAPTER_CONTEXTS);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CamelRouteMeters.Bound addingService(ServiceReference<CamelContext> reference) {
        CamelContext camel = context.getService(reference);
        if (camel == null) {
            return null;
        }
        Tags tags = Tags.of("adapter", String.valueOf(reference.getProperty(InstanceNames.ADAPTER)),
                "instance", String.valueOf(reference.getProperty(InstanceNames.INSTANCE)));
        return CamelRouteMeters.bind(camel, tags, registry);
    }

    @Override
    public void removedService(ServiceReference<CamelContext> reference, CamelRouteMeters.Bound bound) {
        bound.meters().forEach(registry::remove);
        context.ungetService(reference);
    }
}
