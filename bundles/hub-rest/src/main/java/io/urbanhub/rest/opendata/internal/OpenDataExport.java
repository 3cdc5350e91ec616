package io.urbanhub.rest.opendata.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

/**
 * Publishes the open data export (etc/io.urbanhub.rest.opendata.cfg) on CXF's HTTP transport, and offers its
 * catalog to the portal publishers.
 */
@Component(service = OpenDataExport.class, immediate = true, configurationPid = "io.urbanhub.rest.opendata", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OpenDataConfig.class)
public class OpenDataExport {

    private final Server server;
    private final OpenDataCatalog catalog;

    /** {@code properties} holds the per-tenant publisher keys, which a typed configuration cannot name. */
    @Activate
    public OpenDataExport(@Reference EntityQueries entities, @Reference TemporalQueries temporal,
                          @Reference TenantRegistry tenants, OpenDataConfig config, Map<String, Object> properties) {
        // a .cfg file gives the list as one comma-separated value
        Set<String> open = Arrays.stream(config.openTypes())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(type -> !type.isEmpty())
                .collect(Collectors.toSet());
        catalog = new OpenDataCatalog(open, URI.create(config.publicBaseUrl().trim().replaceAll("/+$", "") + config.address()),
                config.licence(), config.licenceUrl(), PublisherSettings.perTenant(properties), tenants::find);
        server = CxfServers.publish(config.address(),
                List.of(new OpenDataResource(entities, temporal, open, config.licence(), config.licenceUrl(), catalog)));
    }

    OpenDataCatalog catalog() {
        return catalog;
    }

    @Deactivate
    void deactivate() {
        server.destroy();
    }
}
