package io.urbanhub.route.datex2.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

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
import io.urbanhub.route.datex2.internal.feed.ClientCertificates;
import io.urbanhub.route.datex2.internal.feed.FeedClient;
import io.urbanhub.route.datex2.internal.feed.FeedException;
import io.urbanhub.route.datex2.internal.ingest.PublicationIngest;
import io.urbanhub.route.datex2.internal.parse.Datex2Exception;
import io.urbanhub.route.datex2.internal.parse.Datex2Reader;

/**
 * One instance per supplier and tenant: {@code etc/io.urbanhub.route.traffic.datex2-<name>.cfg}, running as
 * {@code traffic-datex2.<name>}. Each feed URL is pulled on its own schedule; with a push secret the
 * instance also receives pushed publications ({@link PushServer}). A publication that cannot be read is a
 * dead letter with the reason; the entities keep their last good state.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
        configurationPid = "io.urbanhub.route.traffic.datex2", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "hub.adapter=traffic-datex2")
@Designate(ocd = Datex2Config.class, factory = true)
public class Datex2Routes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(Datex2Routes.class);

    private final Datex2Config config;
    private final DataLayer dataLayer;

    @Activate
    public Datex2Routes(Datex2Config config, @Reference DataLayer dataLayer) {
        this.config = config;
        this.dataLayer = dataLayer;
    }

    @Override
    public void configure() throws Exception {
        String tenant = Tenants.require(config.tenant());
        String adapter = getCamelContext().getName();
        if (config.pollSeconds() < 1) {
            throw new IllegalArgumentException("pollSeconds must be at least 1, not " + config.pollSeconds());
        }
        PublicationIngest ingest = new PublicationIngest(adapter, tenant, dataLayer);
        FeedClient feeds = new FeedClient(ClientCertificates.context(config.keyStore(),
                Secrets.reveal(config.keyStorePassword()).toCharArray(), config.trustStore(),
                Secrets.reveal(config.trustStorePassword()).toCharArray()), Duration.ofSeconds(30));
        String[] urls = config.feedUrls();
        for (int i = 0; i < urls.length; i++) {
            URI feed = URI.create(urls[i].trim());
            from("timer:feed-" + i + "?delay=0&period=" + config.pollSeconds() * 1000L).routeId("pull-" + i)
                    .process(exchange -> pull(feeds, feed, ingest, adapter, tenant));
        }
        if (!config.pushSecret().isBlank()) {
            // started now and stopped with the context, whose parking table it shares
            getCamelContext().addService(new PushServer("/traffic-datex2/" + adapter.substring(adapter.indexOf('.') + 1),
                    config.pushHeader(), Secrets.reveal(config.pushSecret()), xml -> read(xml, ingest)), true, true);
        }
    }

    private void pull(FeedClient feeds, URI feed, PublicationIngest ingest, String adapter, String tenant) throws FeedException {
        try (MDC.MDCCloseable t = MDC.putCloseable(LogContext.TENANT, tenant);
             MDC.MDCCloseable a = MDC.putCloseable(LogContext.ADAPTER, adapter)) {
            pullLogged(feeds, feed, ingest, adapter, tenant);
        }
    }

    private void pullLogged(FeedClient feeds, URI feed, PublicationIngest ingest, String adapter, String tenant)
            throws FeedException {
        if (!(feeds.fetch(feed, config.username(), Secrets.reveal(config.password())) instanceof FeedClient.Publication publication)) {
            return;
        }
        try (InputStream xml = publication.xml()) {
            Datex2Reader.read(xml, ingest);
            ingest.flush();
        } catch (Datex2Exception | IOException e) {
            // fetch it whole next time: the validators belong to a publication that was not read
            feeds.forget(feed);
            String reason = feed + ": " + e.getMessage();
            LOG.warn("Publication of {} not read: {}", adapter, reason);
            dataLayer.reject(new Input(tenant, new Source(adapter, "datex2", null, null), Instant.now(),
                    feed.toString().getBytes(StandardCharsets.UTF_8)), reason);
        }
    }

    private static void read(InputStream xml, PublicationIngest ingest) {
        try {
            Datex2Reader.read(xml, ingest);
            ingest.flush();
        } catch (Datex2Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
