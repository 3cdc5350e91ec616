package io.urbanhub.routefiles.internal;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.dsl.xml.io.XmlRoutesBuilderLoader;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.ResourceHelper;

/**
 * The routes of one file as read when it was found, loaded by Camel's XML DSL into the context the runtime made
 * for them. A file Camel cannot read fails its instance with Camel's reason, which {@code hub:adapters} shows.
 */
final class XmlFileRoutes implements RoutesBuilder {

    private final String location;
    private final byte[] content;

    XmlFileRoutes(String location, byte[] content) {
        this.location = location;
        this.content = content;
    }

    @Override
    public void addRoutesToCamelContext(CamelContext context) throws Exception {
        try (XmlRoutesBuilderLoader loader = new XmlRoutesBuilderLoader()) {
            loader.setCamelContext(context);
            loader.start();
            Resource resource = ResourceHelper.fromBytes("file:" + location, content);
            loader.loadRoutesBuilder(resource).addRoutesToCamelContext(context);
        }
    }

    @Override
    public void addTemplatedRoutesToCamelContext(CamelContext context) throws Exception {
        // route templates are not offered to tenants' files
    }

    @Override
    public Set<String> updateRoutesToCamelContext(CamelContext context) throws Exception {
        throw new UnsupportedOperationException("a changed file replaces its instance");
    }
}
