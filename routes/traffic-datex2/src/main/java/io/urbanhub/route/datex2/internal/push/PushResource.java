package io.urbanhub.route.datex2.internal.push;

import java.io.InputStream;
import java.util.function.Predicate;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Where a supplier pushes DATEX II publications: {@code POST .../publications} with the publication as the
 * body, or {@code POST .../soap}, the v2 {@code putDatex2Data} operation. A publication is read before the
 * answer, so a 2xx means it is in the hub.
 */
@Path("/")
public class PushResource {

    /** Pushed SOAP publications are copied out of their envelope; this bounds that copy. */
    static final int MAX_SOAP_PUBLICATION_BYTES = 64 * 1024 * 1024;

    private final PublicationSink sink;
    private final Predicate<HttpHeaders> allowed;

    /**
     * @param allowed whether a request comes from the supplier, e.g. by a shared secret in a header
     */
    public PushResource(PublicationSink sink, Predicate<HttpHeaders> allowed) {
        this.sink = sink;
        this.allowed = allowed;
    }

    @POST
    @Path("publications")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response publication(InputStream xml, @Context HttpHeaders headers) {
        if (!allowed.test(headers)) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        try {
            sink.accept(xml);
            return Response.noContent().build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(e.getMessage()).build();
        }
    }

    @POST
    @Path("soap")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_XML)
    public Response putDatex2Data(InputStream envelope, @Context HttpHeaders headers) {
        if (!allowed.test(headers)) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        try {
            sink.accept(SoapEnvelopes.publication(envelope, MAX_SOAP_PUBLICATION_BYTES));
            return Response.ok(SoapEnvelopes.acknowledgement()).build();
        } catch (IllegalArgumentException e) {
            return Response.serverError().type(MediaType.TEXT_XML).entity(SoapEnvelopes.fault(e.getMessage())).build();
        }
    }
}
