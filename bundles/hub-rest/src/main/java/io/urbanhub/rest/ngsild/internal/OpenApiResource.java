package io.urbanhub.rest.ngsild.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** The OpenAPI 3 document of the hub's REST surface: {@code GET /ngsi-ld/v1/openapi.json}. */
@Path("/openapi.json")
public class OpenApiResource {

    static final String DOCUMENT = "/io/urbanhub/rest/openapi.json";

    private final String document = load();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        return document;
    }

    static String load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
