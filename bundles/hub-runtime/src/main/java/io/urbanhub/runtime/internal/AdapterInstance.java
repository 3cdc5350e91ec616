package io.urbanhub.runtime.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.admin.InstanceNames;

/**
 * One configured adapter instance: its routes service and the CamelContext that runs them. Every start
 * attempt takes a fresh routes object from the prototype-scoped service, so a retry never reuses route
 * definitions that belonged to a discarded context.
 */
final class AdapterInstance {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterInstance.class);
    /** The configuration property by which adapters name their tenant. */
    static final String TENANT_PROPERTY = "tenant";

    private final ServiceReference<RoutesBuilder> reference;
    private final BundleContext runtimeBundle;
    private final String name;
    private final String adapter;
    private final String instance;
    private final String tenant;

    private AdapterState state = AdapterState.STARTING;
    private String reason = "";
    private boolean closed;
    private boolean stoppedByAdmin;
    private CamelContext context;
    private ServiceObjects<RoutesBuilder> routesObjects;
    private RoutesBuilder routes;
    private ServiceRegistration<CamelContext> registration;

    /** @param stoppedByAdmin whether an admin stopped the instance of this name before this service came */
    AdapterInstance(ServiceReference<RoutesBuilder> reference, BundleContext runtimeBundle, boolean stoppedByAdmin) {
        this.reference = reference;
        this.runtimeBundle = runtimeBundle;
        Map<String, Object> properties = propertiesOf(reference);
        this.adapter = InstanceNames.adapter(properties);
        this.instance = InstanceNames.instance(properties);
        this.name = InstanceNames.contextName(properties);
        Object configuredTenant = properties.get(TENANT_PROPERTY);
        this.tenant = configuredTenant == null ? "" : configuredTenant.toString().trim();
        if (stoppedByAdmin) {
            this.stoppedByAdmin = true;
            enter(AdapterState.STOPPED, AdapterInstances.STOPPED_BY_ADMIN);
        }
    }

    String name() {
        return name;
    }

    synchronized AdapterInstanceStatus status() {
        return new AdapterInstanceStatus(name, adapter, instance, state.name(), reason, tenant);
    }

    synchronized boolean needsRetry() {
        return !closed && !stoppedByAdmin && (state == AdapterState.WAITING || state == AdapterState.FAILED);
    }

    synchronized void start() {
        if (closed || stoppedByAdmin || state == AdapterState.RUNNING) {
            return;
        }
        Bundle adapterBundle = reference.getBundle();
        if (adapterBundle == null || adapterBundle.getBundleContext() == null) {
            return;
        }
        if (!Constants.SCOPE_PROTOTYPE.equals(reference.getProperty(Constants.SERVICE_SCOPE))) {
            enter(AdapterState.FAILED, "the routes component of " + adapterBundle.getSymbolicName()
                    + " must be declared with scope = ServiceScope.PROTOTYPE");
            return;
        }
        state = AdapterState.STARTING;
        routesObjects = runtimeBundle.getServiceObjects(reference);
        routes = routesObjects == null ? null : routesObjects.getService();
        if (routes == null) {
            enter(AdapterState.FAILED, "the routes service is no longer available");
            return;
        }
        context = AdapterContexts.create(name, adapterBundle.getBundleContext());
        try {
            context.addRoutes(routes);
            context.start();
            registration = adapterBundle.getBundleContext().registerService(CamelContext.class, context, serviceProperties(adapterBundle));
            enter(AdapterState.RUNNING, "");
        } catch (Exception | LinkageError e) {
            discardContext();
            if (StartFailures.awaitsMissingExtension(e)) {
                enter(AdapterState.WAITING, StartFailures.reason(e));
            } else {
                LOG.error("Routes of {} failed to start", name, e);
                enter(AdapterState.FAILED, StartFailures.reason(e));
            }
        }
    }

    /**
     * Stops the context gracefully (its routes finish the exchanges in flight, within the shutdown timeout) and
     * keeps it stopped until {@link #startByAdmin()}.
     */
    synchronized void stopByAdmin() {
        stoppedByAdmin = true;
        discardContext();
        enter(AdapterState.STOPPED, AdapterInstances.STOPPED_BY_ADMIN);
    }

    synchronized void startByAdmin() {
        if (stoppedByAdmin) {
            stoppedByAdmin = false;
            state = AdapterState.STARTING;
            reason = "";
        }
        start();
    }

    synchronized void stop() {
        closed = true;
        discardContext();
        enter(AdapterState.STOPPED, "");
    }

    private void discardContext() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the adapter bundle stopped first and took its services with it
            }
            registration = null;
        }
        if (context != null) {
            try {
                context.stop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the routes of {} failed", name, e);
            }
            context = null;
        }
        if (routes != null) {
            try {
                routesObjects.ungetService(routes);
            } catch (IllegalStateException | IllegalArgumentException alreadyGone) {
                // the service was unregistered while we held it
            }
            routes = null;
            routesObjects = null;
        }
    }

    private void enter(AdapterState next, String why) {
        if (next == AdapterState.WAITING || next == AdapterState.FAILED) {
            LOG.warn("Adapter {} is {}: {}", name, next, why);
        } else {
            LOG.info("Adapter {} is {}", name, next);
        }
        state = next;
        reason = why;
    }

    /**
     * Sends a body through one of the instance's routes and returns once the route has handled it; a failure
     * of the route comes back as an IllegalStateException with its reason.
     *
     * @param what what the route does, for the message when the adapter has no such route
     */
    void send(String route, String endpoint, Object body, String what) {
        CamelContext running = context;
        if (running == null || !running.getStatus().isStarted()) {
            throw new IllegalStateException("Adapter " + name + " is not running (" + state + ")");
        }
        if (running.getRoute(route) == null) {
            throw new IllegalStateException("Adapter " + name + " cannot " + what);
        }
        try (ProducerTemplate template = running.createProducerTemplate()) {
            template.sendBody(endpoint, body);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Closing the producer of " + name + " failed", e);
        }
    }

    private Dictionary<String, Object> serviceProperties(Bundle adapterBundle) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("camel.context.name", name);
        properties.put("camel.context.symbolicname", adapterBundle.getSymbolicName());
        properties.put("camel.context.version", adapterBundle.getVersion().toString());
        properties.put(InstanceNames.ADAPTER, adapter);
        properties.put(InstanceNames.INSTANCE, instance);
        return properties;
    }

    static Map<String, Object> propertiesOf(ServiceReference<?> reference) {
        Map<String, Object> properties = new java.util.HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return properties;
    }
}
