package io.urbanhub.distribution;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;
import java.util.Optional;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** What the tests inside the running distribution look up and wait for. */
final class InContainer {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final BundleContext bundleContext;

    InContainer(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    Optional<CamelContext> context(String name) {
        try {
            Collection<ServiceReference<CamelContext>> references =
                    bundleContext.getServiceReferences(CamelContext.class, "(camel.context.name=" + name + ")");
            return references.stream().findFirst().map(bundleContext::getService);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    CamelContext awaitRunning(String name) {
        await("context " + name + " to run", () -> context(name).map(c -> c.getStatus().isStarted()).orElse(false));
        return context(name).orElseThrow();
    }

    CamelContext awaitReplaced(String name, CamelContext previous) {
        await("context " + name + " to be replaced",
                () -> context(name).map(c -> c != previous && c.getStatus().isStarted()).orElse(false));
        return context(name).orElseThrow();
    }

    void awaitGone(String name) {
        await("context " + name + " to stop", () -> context(name).isEmpty());
    }

    boolean hasBundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return true;
            }
        }
        return false;
    }

    Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError("No bundle " + symbolicName);
    }

    /** Registers routes the way an adapter's DS component does: prototype scope, one instance per context. */
    ServiceRegistration<?> registerRoutes(String adapter, String instance, Supplier<RoutesBuilder> routes) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("hub.adapter", adapter);
        properties.put("hub.instance", instance);
        return bundleContext.registerService(RoutesBuilder.class.getName(), new PrototypeServiceFactory<RoutesBuilder>() {
            @Override
            public RoutesBuilder getService(Bundle bundle, ServiceRegistration<RoutesBuilder> registration) {
                return routes.get();
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<RoutesBuilder> registration, RoutesBuilder service) {
                // nothing held
            }
        }, properties);
    }

    static long completedExchanges(CamelContext context, String routeId) {
        ManagedCamelContext managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        if (managed == null) {
            throw new AssertionError("JMX management is off in context " + context.getName());
        }
        ManagedRouteMBean route = managed.getManagedRoute(routeId);
        return route == null ? 0 : route.getExchangesCompleted();
    }

    /** A condition that may need I/O to tell. */
    interface Check {
        boolean holds() throws Exception;
    }

    /** Waits until the condition holds; a check that fails (a command not there yet, say) is tried again. */
    static void await(String what, Check condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s in vain for " + what, lastFailure);
    }

    /** An HTTPS client that trusts the CA the driver made (see {@link DriverTls}), and nothing else. */
    static HttpClient trustingTestCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty(DriverTls.TRUST_STORE_PROPERTY)))) {
            trusted.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }
}
