package io.urbanhub.rest.ngsild.internal;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Errors as the problem details NGSI-LD prescribes, with its error types. */
final class NgsiLdErrors {

    private static final String TYPES = "https://uri.etsi.org/ngsi-ld/errors/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NgsiLdErrors() {
    }

    static Response badRequest(String detail) {
        return problem(Response.Status.BAD_REQUEST, "BadRequestData", "Bad request data", detail);
    }

    static Response notFound(String detail) {
        return problem(Response.Status.NOT_FOUND, "ResourceNotFound", "Resource not found", detail);
    }

    /** A request for a tenant the hub does not serve: 404 as well, with a type of its own. */
    static Response nonexistentTenant(String detail) {
        return problem(Response.Status.NOT_FOUND, "NonexistentTenant", "Nonexistent tenant", detail);
    }

    static Response alreadyExists(String detail) {
        return problem(Response.Status.CONFLICT, "AlreadyExists", "Already exists", detail);
    }

    /** A body beyond the size limit; NGSI-LD has no error type of its own for it. */
    static Response tooLarge(String detail) {
        return problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "BadRequestData", "Request entity too large", detail);
    }

    static Response notSupported(String detail) {
        return problem(Response.Status.NOT_IMPLEMENTED, "OperationNotSupported", "Operation not supported", detail);
    }

    private static Response problem(Response.Status status, String type, String title, String detail) {
        ObjectNode problem = MAPPER.createObjectNode();
        problem.put("type", TYPES + type);
        problem.put("title", title);
        problem.put("detail", detail);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(problem.toString()).build();
    }
}
