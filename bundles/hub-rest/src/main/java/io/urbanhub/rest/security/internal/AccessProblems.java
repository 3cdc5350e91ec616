package io.urbanhub.rest.security.internal;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** 401 and 403 as RFC 9457 problem details: NGSI-LD defines no error types for them. */
public final class AccessProblems {

    /** The schemes a client may answer a 401 with. */
    static final String CHALLENGE = "Bearer realm=\"urbanhub\", ApiKey realm=\"urbanhub\", Basic realm=\"urbanhub\"";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AccessProblems() {
    }

    public static Response unauthorized(String detail) {
        return problem(Response.Status.UNAUTHORIZED, detail).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    public static Response forbidden(String detail) {
        return problem(Response.Status.FORBIDDEN, detail).build();
    }

    private static Response.ResponseBuilder problem(Response.Status status, String detail) {
        ObjectNode problem = MAPPER.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.getStatusCode());
        problem.put("detail", detail);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(problem.toString());
    }
}
