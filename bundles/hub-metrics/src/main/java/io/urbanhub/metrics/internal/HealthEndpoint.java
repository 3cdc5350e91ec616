package io.urbanhub.metrics.internal;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.admin.DataLayerStatistics;
import io.urbanhub.api.admin.SpoolStats;
import io.urbanhub.rest.cxf.CxfServers;

/**
 * Publishes {@code /health}. The store, the data layer's spool and the route runtime are optional references: their
 * absence is what the readiness reports, so the endpoint stays up without them.
 */
@Component(immediate = true, service = {}, configurationPid = "io.urbanhub.metrics",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class HealthEndpoint {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(dataSourceName=urbanhub)")
    private volatile DataSource dataSource;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AdapterInstances adapters;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataLayerStatistics dataLayer;

    private final StoreCheck store;
    private final Server server;

    @Activate
    public HealthEndpoint(MetricsConfig config) {
        store = new StoreCheck(() -> dataSource, Duration.ofSeconds(config.health_storeTimeoutSeconds()));
        HubHealth health = new HubHealth(() -> {
            AdapterInstances runtime = adapters;
            return runtime == null ? null : runtime.instances();
        }, store, () -> {
            DataLayerStatistics statistics = dataLayer;
            return statistics == null ? SpoolStats.NONE : statistics.spool();
        });
        server = CxfServers.publish(config.health_address(), List.of(new HealthResource(health)));
    }

    @Deactivate
    void deactivate() {
        server.destroy();
        store.close();
    }
}
