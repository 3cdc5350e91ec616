package io.urbanhub.rest.ngsild.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the NGSI-LD API reads what clients send: a body of at most {@link #MAX_BYTES}, read no further than that,
 * and JSON nested at most {@link #MAX_DEPTH} deep, so that no request can tie up memory or the parser's stack.
 */
final class RequestBodies {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 64;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_BYTES).maxStringLength(MAX_BYTES).build())
            .build());

    private RequestBodies() {
    }

    /**
     * The body as UTF-8 text.
     *
     * @throws WebApplicationException with 413 when the body is longer than {@link #MAX_BYTES}
     */
    static String text(InputStream body) {
        if (body == null) {
            return "";
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new WebApplicationException(NgsiLdErrors.tooLarge("A request body may have at most " + MAX_BYTES + " bytes"));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Reads JSON a client sent.
     *
     * @param what names the JSON in the message when it is not JSON or beyond the limits
     * @throws IllegalArgumentException saying why it cannot be read
     */
    static JsonNode json(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
