package io.urbanhub.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's HTTP endpoint in the test driver's JVM, outside the container: it takes NGSI-LD
 * notifications on {@code POST /notify} (answering 204) and lists what it took, as a JSON array, on
 * {@code GET /received}, so that a test inside the container can see what arrived.
 */
final class DriverSubscriber {

    private static HttpServer server;
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    private DriverSubscriber() {
    }

    /** The base URL of the endpoint, started on first use. */
    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("No port for the subscriber endpoint", e);
            }
            server.createContext("/notify", DriverSubscriber::take);
            server.createContext("/received", DriverSubscriber::list);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void take(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.sendResponseHeaders(405, -1);
        } else {
            RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
    }

    private static void list(HttpExchange exchange) throws IOException {
        byte[] body = ("[" + String.join(",", RECEIVED) + "]").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
