package io.urbanhub.runtime.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.spi.SupervisingRouteController;
import org.osgi.framework.BundleContext;

/** Builds the CamelContext of one adapter instance. */
final class AdapterContexts {

    /** Seconds a stopping route gets to finish its in-flight exchanges. */
    static final int SHUTDOWN_TIMEOUT_SECONDS = 10;

    private AdapterContexts() {
    }

    /**
     * A context that resolves components, languages and classes through the adapter's bundle, and whose
     * routes are supervised: a route whose endpoint cannot connect yet (a broker that is down) is retried
     * with back-off instead of failing the whole context.
     */
    static CamelContext create(String name, BundleContext adapterBundle) {
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(adapterBundle);
        context.getCamelContextExtension().setName(name);
        // JMX names and thread names then say which adapter instance they belong to
        context.setManagementName(name);
        context.getShutdownStrategy().setTimeout(SHUTDOWN_TIMEOUT_SECONDS);
        SupervisingRouteController supervisor = context.getRouteController().supervising();
        supervisor.setBackOffDelay(1_000);
        supervisor.setBackOffMaxDelay(60_000);
        supervisor.setBackOffMultiplier(2);
        return context;
    }
}
