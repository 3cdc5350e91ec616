package io.urbanhub.route.kdn.open311.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.Tenants;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.LogContext;
import io.urbanhub.api.spi.Secrets;
import io.urbanhub.route.kdn.open311.internal.client.GeoReportClient;
import io.urbanhub.route.kdn.open311.internal.client.Submission;
import io.urbanhub.route.kdn.open311.internal.ingest.RequestIngest;
import io.urbanhub.route.kdn.open311.internal.parse.Format;
import io.urbanhub.route.kdn.open311.internal.parse.GeoReportReader;
import io.urbanhub.route.kdn.open311.internal.parse.Open311Exception;
import io.urbanhub.route.kdn.open311.internal.parse.Service;

/**
 * One instance per town and tenant: {@code etc/io.urbanhub.route.kdn.open311-<name>.cfg}, running as
 * {@code kdn-open311.<name>}. Pulls the services and the service requests on a schedule; {@value #SUBMIT_ENDPOINT}
 * takes the fields of a new request (a map) and answers its {@code service_request_id} or token.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
        configurationPid = Open311Routes.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "hub.adapter=" + Open311Routes.ADAPTER)
@Designate(ocd = Open311Config.class, factory = true)
public class Open311Routes extends RouteBuilder {

    public static final String SUBMIT_ENDPOINT = "direct:submit";
    static final String PID = "io.urbanhub.route.kdn.open311";
    static final String ADAPTER = "kdn-open311";

    private static final Logger LOG = LoggerFactory.getLogger(Open311Routes.class);

    private final Open311Config config;
    private final DataLayer dataLayer;
    private final Map<String, String> serviceNames = new ConcurrentHashMap<>();
    private final AtomicLong failedPulls = new AtomicLong();
    private volatile String updatedAfter;

    @Activate
    public Open311Routes(Open311Config config, @Reference DataLayer dataLayer) {
        this.config = config;
        this.dataLayer = dataLayer;
    }

    @Override
    public void configure() {
        String tenant = Tenants.require(config.tenant());
        String adapter = getCamelContext().getName();
        Format format = Format.of(config.format());
        if (config.pollSeconds() < 1) {
            throw new IllegalArgumentException("pollSeconds must be at least 1, not " + config.pollSeconds());
        }
        if (config.endpoint() == null || config.endpoint().isBlank()) {
            throw new IllegalArgumentException("endpoint is required, e.g. https://host/open311/v2");
        }
        GeoReportClient client = new GeoReportClient(config.endpoint(), config.jurisdictionId());
        RequestIngest ingest = new RequestIngest(adapter, tenant, dataLayer);

        from("timer:pull?delay=0&period=" + config.pollSeconds() * 1000L).routeId("pull")
                .process(exchange -> pull(client, format, ingest, adapter, tenant));
        String apiKey = Secrets.reveal(config.apiKey());
        from(SUBMIT_ENDPOINT).routeId("submit")
                .process(exchange -> {
                    Map<String, String> form = Submission.form(exchange.getIn().getMandatoryBody(Map.class), apiKey);
                    exchange.getMessage().setBody(GeoReportReader.submitted(client.submit(form)));
                });
    }

    /** Pulls so far that the server did not answer or answered with something unreadable. */
    long failedPulls() {
        return failedPulls.get();
    }

    private void pull(GeoReportClient client, Format format, RequestIngest ingest, String adapter, String tenant)
            throws Open311Exception {
        try (MDC.MDCCloseable t = MDC.putCloseable(LogContext.TENANT, tenant);
             MDC.MDCCloseable a = MDC.putCloseable(LogContext.ADAPTER, adapter)) {
            pullLogged(client, format, ingest, adapter, tenant);
        }
    }

    private void pullLogged(GeoReportClient client, Format format, RequestIngest ingest, String adapter, String tenant)
            throws Open311Exception {
        try {
            for (Service service : GeoReportReader.services(client.services(format), format)) {
                if (service.code() != null && service.name() != null) {
                    serviceNames.put(service.code(), service.name());
                }
            }
        } catch (Open311Exception e) {
            // the requests carry their own service names; without the list only missing names stay missing
            LOG.warn("Services of {} not read: {}", adapter, e.getMessage());
        }
        byte[] body = fetchRequests(client, format, adapter);
        try {
            String newest = ingest.ingest(GeoReportReader.requests(body, format), serviceNames);
            if (newest != null) {
                updatedAfter = newest;
            }
        } catch (Open311Exception e) {
            failedPulls.incrementAndGet();
            LOG.warn("Requests of {} not read: {}", adapter, e.getMessage());
            dataLayer.reject(new Input(tenant, new Source(adapter, "open311", null, null), Instant.now(),
                    body.length > DataLayer.MAX_PAYLOAD_BYTES ? e.getMessage().getBytes(StandardCharsets.UTF_8) : body),
                    config.endpoint() + ": " + e.getMessage());
            throw e;
        }
    }

    private byte[] fetchRequests(GeoReportClient client, Format format, String adapter) throws Open311Exception {
        try {
            return client.requests(format, updatedAfter);
        } catch (Open311Exception e) {
            failedPulls.incrementAndGet();
            LOG.warn("Pull of {} failed: {}", adapter, e.getMessage());
            throw e;
        }
    }
}
