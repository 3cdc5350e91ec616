package io.urbanhub.route.kdn.open311.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.urbanhub.route.kdn.open311.internal.parse.Format;
import io.urbanhub.route.kdn.open311.internal.parse.Open311Exception;

/** Talks HTTP to one GeoReport v2 endpoint: the two lists it reads and the one form it posts. */
public final class GeoReportClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String jurisdictionId;

    public GeoReportClient(String endpoint, String jurisdictionId) {
        URI uri = URI.create(endpoint.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an http(s) URL, not '" + endpoint + "'");
        }
        this.base = endpoint.trim().replaceAll("/+$", "");
        this.jurisdictionId = jurisdictionId == null ? "" : jurisdictionId.trim();
    }

    public byte[] services(Format format) throws Open311Exception {
        return get("services." + format.extension(), Map.of());
    }

    /** @param updatedAfter the newest {@code updated_datetime} seen so far, or null for the server's default list */
    public byte[] requests(Format format, String updatedAfter) throws Open311Exception {
        Map<String, String> query = new LinkedHashMap<>();
        if (updatedAfter != null) {
            query.put("updated_after", updatedAfter);
        }
        return get("requests." + format.extension(), query);
    }

    /** POSTs {@code requests.json} form-encoded; the fields are checked by the caller. */
    public byte[] submit(Map<String, String> fields) throws Open311Exception {
        Map<String, String> form = withJurisdiction(fields);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/requests.json")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        return send(request);
    }

    private byte[] get(String resource, Map<String, String> query) throws Open311Exception {
        Map<String, String> parameters = withJurisdiction(query);
        String uri = base + "/" + resource + (parameters.isEmpty() ? "" : "?" + encode(parameters));
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).GET().build());
    }

    private byte[] send(HttpRequest request) throws Open311Exception {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Open311Exception(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Open311Exception(request.method() + " " + request.uri() + " interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Open311Exception(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + new String(response.body(), 0, Math.min(200, response.body().length), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private Map<String, String> withJurisdiction(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (!jurisdictionId.isEmpty()) {
            all.put("jurisdiction_id", jurisdictionId);
        }
        all.putAll(fields);
        return all;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
