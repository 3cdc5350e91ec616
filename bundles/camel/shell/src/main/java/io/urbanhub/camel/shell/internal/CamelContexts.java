package io.urbanhub.camel.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The CamelContexts published as OSGi services, by name. */
final class CamelContexts {

    private final BundleContext bundleContext;

    CamelContexts(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    List<CamelContext> all() {
        List<CamelContext> contexts = new ArrayList<>();
        for (ServiceReference<CamelContext> reference : references()) {
            CamelContext context = bundleContext.getService(reference);
            if (context != null) {
                contexts.add(context);
                bundleContext.ungetService(reference);
            }
        }
        contexts.sort(Comparator.comparing(CamelContext::getName));
        return contexts;
    }

    Optional<CamelContext> named(String name) {
        return all().stream().filter(context -> context.getName().equals(name)).findFirst();
    }

    private List<ServiceReference<CamelContext>> references() {
        try {
            return new ArrayList<>(bundleContext.getServiceReferences(CamelContext.class, null));
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
