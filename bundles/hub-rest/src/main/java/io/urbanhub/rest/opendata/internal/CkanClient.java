package io.urbanhub.rest.opendata.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The three calls of the CKAN Action API v3 the publication needs, authorized by an API token. */
final class CkanClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String actions;
    private final String apiToken;
    private final Duration timeout;
    private final HttpClient http;

    CkanClient(String ckanUrl, String apiToken, Duration timeout) {
        URI url = URI.create(ckanUrl == null ? "" : ckanUrl.trim());
        String scheme = url.getScheme();
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("ckanUrl '" + url + "' is not an absolute http(s) URL");
        }
        if (apiToken == null || apiToken.isBlank()) {
            throw new IllegalArgumentException("apiToken is missing");
        }
        this.actions = url.toString().replaceAll("/+$", "") + "/api/3/action/";
        this.apiToken = apiToken.trim();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The package with that name or id, or nothing when CKAN does not know it. */
    Optional<JsonNode> show(String name) throws IOException, InterruptedException {
        HttpRequest request = request("package_show?id=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(result("package_show", response));
    }

    JsonNode create(ObjectNode pkg) throws IOException, InterruptedException {
        return post("package_create", pkg);
    }

    JsonNode update(ObjectNode pkg) throws IOException, InterruptedException {
        return post("package_update", pkg);
    }

    private JsonNode post(String action, ObjectNode body) throws IOException, InterruptedException {
        HttpRequest request = request(action).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return result(action, http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String action) {
        return HttpRequest.newBuilder(URI.create(actions + action)).timeout(timeout).header("Authorization", apiToken);
    }

    /** CKAN answers {success, result} or {success: false, error: {__type, message}}; the error is the reason. */
    private static JsonNode result(String action, HttpResponse<String> response) throws IOException {
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IOException(action + " answered " + response.statusCode() + " without CKAN's JSON");
        }
        if (response.statusCode() != 200 || !body.path("success").asBoolean(false)) {
            JsonNode error = body.path("error");
            String reason = error.hasNonNull("message") ? error.get("message").asText() : error.toString();
            throw new IOException(action + " answered " + response.statusCode() + ": "
                    + error.path("__type").asText("error") + ": " + reason);
        }
        return body.path("result");
    }
}
