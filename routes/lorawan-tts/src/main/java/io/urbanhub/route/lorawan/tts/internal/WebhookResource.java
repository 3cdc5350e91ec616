package io.urbanhub.route.lorawan.tts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.lorawan.UplinkHandler;

/**
 * Takes the uplink messages a The Things Stack webhook posts. The webhook proves itself with a shared secret
 * in a header; a message the hub cannot use is kept as a dead letter and still answered 2xx, so that the
 * network server does not send it again and again.
 */
@Path("/")
public class WebhookResource {

    private final UplinkHandler uplinks;
    private final String header;
    private final byte[] secret;

    WebhookResource(UplinkHandler uplinks, String header, String secret) {
        this.uplinks = uplinks;
        this.header = header;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @POST
    @Path("uplink")
    @Consumes(MediaType.WILDCARD)
    public Response uplink(InputStream body, @Context HttpHeaders headers) throws IOException {
        return receive(body, headers.getHeaderString(header));
    }

    /** Reads no byte of a caller without the secret, and never more than one byte over the limit. */
    Response receive(InputStream body, String presented) throws IOException {
        // compared in constant time: the answer must not tell how much of a guess was right
        if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        byte[] message = body.readNBytes(DataLayer.MAX_PAYLOAD_BYTES + 1);
        if (message.length > DataLayer.MAX_PAYLOAD_BYTES) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
        }
        Receipt receipt = uplinks.handle(message, Instant.now(), TtsUplinkParser::parse);
        return receipt == Receipt.STORED ? Response.noContent().build() : Response.accepted().build();
    }
}
