package io.urbanhub.rest.ngsild.internal;

import java.util.List;

import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.urbanhub.api.admin.TenantRegistry;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.rest.cxf.CxfServers;

/** Publishes the NGSI-LD resources on CXF's HTTP transport (Pax Web) while the data layer is there. */
@Component(immediate = true, configurationPid = "io.urbanhub.rest.ngsild", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NgsiLdConfig.class)
public class NgsiLdApi {

    private final Server server;

    @Activate
    public NgsiLdApi(@Reference EntityQueries entities, @Reference TemporalQueries temporal,
                     @Reference SubscriptionService subscriptions, @Reference TenantRegistry tenants, NgsiLdConfig config) {
        NgsiLdRequests requests = config.registeredTenantsOnly()
                ? new NgsiLdRequests(config.defaultTenant().trim(), tenant -> tenants.find(tenant).isPresent())
                : new NgsiLdRequests(config.defaultTenant().trim());
        server = CxfServers.publish(config.address(), List.of(new EntitiesResource(entities, requests),
                new TemporalEntitiesResource(temporal, entities, requests), new TypesResource(entities, requests),
                new SubscriptionsResource(subscriptions, requests), new OpenApiResource()));
    }

    @Deactivate
    void deactivate() {
        server.destroy();
    }
}
