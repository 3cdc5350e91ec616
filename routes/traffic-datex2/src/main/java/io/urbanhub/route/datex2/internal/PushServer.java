package io.urbanhub.route.datex2.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.cxf.endpoint.Server;

import io.urbanhub.rest.cxf.CxfServers;
import io.urbanhub.route.datex2.internal.push.PublicationSink;
import io.urbanhub.route.datex2.internal.push.PushResource;

/**
 * The push endpoint of one adapter instance, published while its CamelContext runs, so that it shares the
 * instance's state (the parking table) with the pulled feeds. Suppliers prove themselves with a shared
 * secret in a header.
 */
final class PushServer extends ServiceSupport {

    private final String address;
    private final String header;
    private final byte[] secret;
    private final PublicationSink sink;
    private Server server;

    PushServer(String address, String header, String secret, PublicationSink sink) {
        this.address = address;
        this.header = header;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.sink = sink;
    }

    @Override
    protected void doStart() {
        server = CxfServers.publish(address, List.of(new PushResource(sink, this::allowed)));
    }

    @Override
    protected void doStop() {
        if (server != null) {
            server.destroy();
            server = null;
        }
    }

    private boolean allowed(javax.ws.rs.core.HttpHeaders headers) {
        String presented = headers.getHeaderString(header);
        // compared in constant time: the answer must not tell how much of a guess was right
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
