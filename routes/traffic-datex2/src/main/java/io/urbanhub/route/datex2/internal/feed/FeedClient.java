package io.urbanhub.route.datex2.internal.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLContext;

/**
 * Fetches DATEX II feeds over HTTP(S) the way providers expect: conditional requests (ETag and
 * Last-Modified remembered per URL), gzip, and a client certificate where the provider demands one (the
 * national access point does). A feed that answers an error or something other than XML is a failure
 * with the reason; the caller keeps what it had.
 */
public final class FeedClient {

    /** What a fetch brought: nothing new, or the publication as a stream the caller closes. */
    public sealed interface Fetch permits NotModified, Publication {
    }

    public record NotModified() implements Fetch {
    }

    public record Publication(InputStream xml) implements Fetch {
    }

    private record Validators(String etag, String lastModified) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Map<URI, Validators> validators = new ConcurrentHashMap<>();

    public FeedClient(SSLContext tls, Duration timeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.timeout = timeout;
    }

    /**
     * @throws FeedException when the feed cannot be read or answers something that is no publication
     */
    public Fetch fetch(URI feed, String username, String password) throws FeedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed).timeout(timeout).GET()
                .header("Accept", "application/xml, text/xml")
                .header("Accept-Encoding", "gzip");
        Validators known = validators.get(feed);
        if (known != null && known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known != null && known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        if (!username.isEmpty()) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FeedException(feed + " could not be fetched: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException(feed + ": interrupted");
        }
        if (response.statusCode() == 304) {
            close(response.body());
            return new NotModified();
        }
        if (response.statusCode() / 100 != 2) {
            close(response.body());
            throw new FeedException(feed + " answered HTTP " + response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html")) {
            close(response.body());
            throw new FeedException(feed + " answered an HTML page, not a DATEX II publication");
        }
        validators.put(feed, new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)));
        try {
            boolean gzip = response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
            return new Publication(gzip ? new GZIPInputStream(response.body()) : response.body());
        } catch (IOException e) {
            close(response.body());
            throw new FeedException(feed + " sent a broken gzip stream: " + e.getMessage());
        }
    }

    /** Forgets the validators, so that the next fetch brings the whole publication again. */
    public void forget(URI feed) {
        validators.remove(feed);
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing more to read from it anyway
        }
    }
}
