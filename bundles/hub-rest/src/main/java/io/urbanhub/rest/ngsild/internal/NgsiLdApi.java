package io.urbanhub.rest.ngsild.internal;

import java.util.List;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.TemporalQueries;

/** Publishes the NGSI-LD resources on CXF's HTTP transport (Pax Web) while the data layer is there. */
@Component(immediate = true, configurationPid = "io.urbanhub.rest.ngsild", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NgsiLdConfig.class)
public class NgsiLdApi {

    private final Server server;

    @Activate
    public NgsiLdApi(@Reference EntityQueries entities, @Reference TemporalQueries temporal, NgsiLdConfig config) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus(true));
        factory.setAddress(config.address());
        NgsiLdRequests requests = new NgsiLdRequests(config.defaultTenant().trim());
        factory.setServiceBeans(List.of(new EntitiesResource(entities, requests), new TemporalEntitiesResource(temporal, requests),
                new TypesResource(entities, requests), new OpenApiResource()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // CXF finds its providers through the context class loader
        Thread.currentThread().setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
        try {
            server = factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void deactivate() {
        server.destroy();
    }
}
