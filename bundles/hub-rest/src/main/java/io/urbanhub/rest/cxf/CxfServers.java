package io.urbanhub.rest.cxf;

import java.util.List;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;

/** Publishes JAX-RS resources on CXF's HTTP transport, below the CXF servlet (etc/org.apache.cxf.osgi.cfg). */
public final class CxfServers {

    private CxfServers() {
    }

    public static Server publish(String address, List<Object> resources) {
        return publish(address, resources, List.of());
    }

    /** @param providers filters and other JAX-RS providers that serve these resources only */
    public static Server publish(String address, List<Object> resources, List<Object> providers) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus(true));
        factory.setAddress(address);
        factory.setServiceBeans(resources);
        factory.setProviders(providers);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // CXF finds its providers through the context class loader
        Thread.currentThread().setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
        try {
            return factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
