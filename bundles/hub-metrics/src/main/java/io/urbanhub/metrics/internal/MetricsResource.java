package io.urbanhub.metrics.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The Prometheus text format (0.0.4) of every meter. */
@Path("/")
public class MetricsResource {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Response scrape() {
        return Response.ok(registry.scrape(), CONTENT_TYPE).build();
    }
}
