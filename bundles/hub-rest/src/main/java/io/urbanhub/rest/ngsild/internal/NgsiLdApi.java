package io.urbanhub.rest.ngsild.internal;

import java.util.List;
import java.util.function.Predicate;

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
import io.urbanhub.rest.security.internal.ApiAccessFilter;
import io.urbanhub.rest.security.internal.ApiSecurity;
import io.urbanhub.rest.security.internal.Callers;

/** Publishes the NGSI-LD resources on CXF's HTTP transport (Pax Web) while the data layer is there. */
@Component(immediate = true, configurationPid = "io.urbanhub.rest.ngsild", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NgsiLdConfig.class)
public class NgsiLdApi {

    private final Server server;

    @Activate
    public NgsiLdApi(@Reference EntityQueries entities, @Reference TemporalQueries temporal,
                          @Reference SubscriptionService subscriptions, @Reference TenantRegistry tenants,
                     @Reference ApiSecurity security, NgsiLdConfig config) {
        Predicate<String> exists = config.registeredTenantsOnly() ? tenant -> tenants.find(tenant).isPresent() : tenant -> true;
        NgsiLdRequests requests = new NgsiLdRequests(config.defaultTenant().trim(), exists, Callers::current);
        server = CxfServers.publish(config.address(), List.of(new EntitiesResource(entities, requests),
                new TemporalEntitiesResource(temporal, entities, requests), new TypesResource(entities, requests),
                new SubscriptionsResource(subscriptions, requests), new OpenApiResource()),
                List.of(new ApiAccessFilter(security)));
    }

    @Deactivate
    void deactivate() {
        server.destroy();
    }
}
