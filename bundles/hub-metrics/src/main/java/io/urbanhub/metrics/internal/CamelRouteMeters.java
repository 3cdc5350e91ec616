package io.urbanhub.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Camel's own route statistics, the ones JMX shows, as meters: exchanges, failures, in flight and processing time
 * per route. They are read when scraped, so the routes pay nothing extra; and they work on contexts that were
 * started before the registry was there, which a route policy (set before the routes are built) cannot.
 * Names and tags follow camel-micrometer's route policy.
 */
final class CamelRouteMeters {

    private CamelRouteMeters() {
    }

    /**
     * The meters of a context's routes, and the statistics they read: meters hold those weakly, and Camel hands
     * out a new JMX proxy per call, so whoever keeps the meters keeps these too.
     */
    record Bound(List<Meter> meters, List<ManagedRouteMBean> statistics) {
    }

    /** The meters of every route of the context; none when the context has no JMX statistics. */
    static Bound bind(CamelContext context, Tags tags, MeterRegistry registry) {
        ManagedCamelContext managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        List<Meter> meters = new ArrayList<>();
        List<ManagedRouteMBean> statistics = new ArrayList<>();
        if (managed == null) {
            return new Bound(meters, statistics);
        }
        for (Route route : context.getRoutes()) {
            ManagedRouteMBean stats = managed.getManagedRoute(route.getRouteId());
            if (stats == null) {
                continue;
            }
            statistics.add(stats);
            Tags routeTags = tags.and("camelContext", context.getName(), "routeId", route.getRouteId());
            meters.add(FunctionCounter.builder("camel.exchanges.total", stats, s -> s.getExchangesTotal())
                    .tags(routeTags).description("Exchanges the route completed or failed")
                    .register(registry));
            meters.add(FunctionCounter.builder("camel.exchanges.failed", stats, s -> s.getExchangesFailed())
                    .tags(routeTags).description("Exchanges the route failed")
                    .register(registry));
            meters.add(Gauge.builder("camel.exchanges.inflight", stats, s -> s.getExchangesInflight())
                    .strongReference(true).tags(routeTags).description("Exchanges in the route now")
                    .register(registry));
            meters.add(FunctionTimer.builder("camel.route.processing", stats, s -> s.getExchangesTotal(),
                            s -> s.getTotalProcessingTime(), TimeUnit.MILLISECONDS)
                    .tags(routeTags).description("Time the route's exchanges took")
                    .register(registry));
        }
        return new Bound(meters, statistics);
    }
}
