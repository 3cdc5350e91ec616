package io.urbanhub.route.datex2.internal.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Against a real HTTP server on the loopback interface. */
class FeedClientTest {

    private static final byte[] PUBLICATION = "<d2LogicalModel xmlns=\"http://datex2.eu/schema/2/2_0\"/>".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final List<String> conditions = new CopyOnWriteArrayList<>();
    private final FeedClient client = new FeedClient(null, Duration.ofSeconds(5));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/parking", exchange -> {
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditions.add(etag + "|" + exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            if ("\"v1\"".equals(etag)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(PUBLICATION);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Fri, 27 Nov 2026 10:00:00 GMT");
            exchange.sendResponseHeaders(200, zipped.size());
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(zipped.toByteArray());
            }
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/login", exchange -> {
            byte[] page = "<html><body>Anmeldung</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aFeedIsFetchedUnzippedAndThenAskedOnlyIfItChanged() throws Exception {
        FeedClient.Fetch first = client.fetch(url("/parking"), "", "");
        try (InputStream xml = assertInstanceOf(FeedClient.Publication.class, first).xml()) {
            assertArrayEquals(PUBLICATION, xml.readAllBytes());
        }

        assertInstanceOf(FeedClient.NotModified.class, client.fetch(url("/parking"), "", ""));
        assertEquals("\"v1\"|Fri, 27 Nov 2026 10:00:00 GMT", conditions.get(1));

        client.forget(url("/parking"));
        assertInstanceOf(FeedClient.Publication.class, client.fetch(url("/parking"), "", ""));
    }

    @Test
    void aFeedThatFailsOrAnswersAPageSaysSo() {
        FeedException failed = assertThrows(FeedException.class, () -> client.fetch(url("/broken"), "", ""));
        assertTrue(failed.getMessage().endsWith("answered HTTP 500"), failed.getMessage());
        FeedException page = assertThrows(FeedException.class, () -> client.fetch(url("/login"), "", ""));
        assertTrue(page.getMessage().contains("HTML page"), page.getMessage());
        server.stop(0);
        FeedException down = assertThrows(FeedException.class, () -> client.fetch(url("/parking"), "", ""));
        assertTrue(down.getMessage().contains("could not be fetched"), down.getMessage());
    }
}
