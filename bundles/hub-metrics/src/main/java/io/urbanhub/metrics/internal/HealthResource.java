package io.urbanhub.metrics.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Liveness and readiness as JSON: 200 when up, 503 otherwise; {@code /health} itself is the readiness. */
@Path("/")
public class HealthResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubHealth health;

    HealthResource(HubHealth health) {
        this.health = health;
    }

    @GET
    public Response health() {
        return answer(health.ready());
    }

    @GET
    @Path("live")
    public Response live() {
        return answer(HubHealth.live());
    }

    @GET
    @Path("ready")
    public Response ready() {
        return answer(health.ready());
    }

    static Response answer(HubHealth.Report report) {
        try {
            return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(JSON.writeValueAsString(report.body())).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing the health report failed", e);
        }
    }
}
