package io.urbanhub.route.kdn.open311.internal;

import java.util.List;
import java.util.Map;

import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.InstanceNames;
import io.urbanhub.api.spi.Secrets;
import io.urbanhub.rest.cxf.CxfServers;
import io.urbanhub.route.kdn.open311.internal.client.GeoReportClient;

/**
 * The submitting endpoint of one instance, {@code POST /kdn-open311/<name>/requests.json}, present while its
 * configuration sets both a {@code clientApiKey} for the apps and an {@code apiKey} for the town's server.
 */
@Component(immediate = true, service = {}, configurationPid = Open311Routes.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class Open311Submissions {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Submissions.class);

    private final Server server;

    @Activate
    public Open311Submissions(Open311Config config, Map<String, Object> properties) {
        if (config.clientApiKey().isBlank() || config.apiKey().isBlank()) {
            server = null;
            return;
        }
        String address = "/" + Open311Routes.ADAPTER + "/" + InstanceNames.instance(properties);
        server = CxfServers.publish(address, List.of(new SubmissionResource(
                new GeoReportClient(config.endpoint(), config.jurisdictionId()), Secrets.reveal(config.clientApiKey()),
                Secrets.reveal(config.apiKey()))));
        LOG.info("Open311 requests of {} are submitted at {}/requests.json", config.tenant(), address);
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }
}
