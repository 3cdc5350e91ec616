package io.urbanhub.route.kdn.open311.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.urbanhub.route.kdn.open311.internal.client.GeoReportClient;
import io.urbanhub.route.kdn.open311.internal.client.Submission;
import io.urbanhub.route.kdn.open311.internal.parse.GeoReportReader;
import io.urbanhub.route.kdn.open311.internal.parse.Open311Exception;

/**
 * GeoReport v2's {@code POST requests.json} in front of the town's server: an app submits with the key the hub gave
 * it, the hub checks the request and forwards it with the town's own key, which the app never sees. Errors are
 * answered as GeoReport v2 errors: 403 for a wrong key, 400 for a bad request, 502 when the town's server refuses.
 */
@Path("/")
public class SubmissionResource {

    static final int MAX_FORM_BYTES = 16_384;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GeoReportClient town;
    private final byte[] clientKey;
    private final String townKey;

    SubmissionResource(GeoReportClient town, String clientKey, String townKey) {
        this.town = town;
        this.clientKey = clientKey.getBytes(StandardCharsets.UTF_8);
        this.townKey = townKey;
    }

    @POST
    @Path("requests.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(InputStream body) throws IOException {
        byte[] form = body.readNBytes(MAX_FORM_BYTES + 1);
        if (form.length > MAX_FORM_BYTES) {
            return error(413, "the request is larger than " + MAX_FORM_BYTES + " bytes");
        }
        Map<String, String> fields = decode(new String(form, StandardCharsets.UTF_8));
        String presented = fields.remove("api_key");
        // compared in constant time: the answer must not tell how much of a guess was right
        if (presented == null || !MessageDigest.isEqual(clientKey, presented.getBytes(StandardCharsets.UTF_8))) {
            return error(403, "api_key is missing or not valid");
        }
        // the instance serves one town: its jurisdiction is configured, not chosen by the caller
        fields.remove("jurisdiction_id");
        Map<String, String> checked;
        try {
            checked = Submission.form(fields, townKey);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        try {
            byte[] answer = town.submit(checked);
            GeoReportReader.submitted(answer);
            return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (Open311Exception e) {
            return error(502, "the town's Open311 server did not take the request: " + e.getMessage());
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                fields.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static Response error(int status, String description) throws IOException {
        ArrayNode errors = JSON.createArrayNode();
        errors.addObject().put("code", status).put("description", description);
        byte[] body = JSON.writeValueAsBytes(errors);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
