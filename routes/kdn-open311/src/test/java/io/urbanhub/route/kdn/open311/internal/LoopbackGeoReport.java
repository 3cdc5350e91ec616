package io.urbanhub.route.kdn.open311.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A GeoReport v2 server on the loopback interface: answers what a test sets and keeps what it was asked. */
final class LoopbackGeoReport implements AutoCloseable {

    private final HttpServer server;
    private volatile int status = 200;
    private volatile byte[] services = "[]".getBytes(StandardCharsets.UTF_8);
    private volatile byte[] requests = "[]".getBytes(StandardCharsets.UTF_8);
    private volatile byte[] submitted = "[]".getBytes(StandardCharsets.UTF_8);
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> posts = new CopyOnWriteArrayList<>();

    LoopbackGeoReport() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/open311/v2/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/open311/v2";
    }

    LoopbackGeoReport services(byte[] body) {
        services = body;
        return this;
    }

    LoopbackGeoReport requests(byte[] body) {
        requests = body;
        return this;
    }

    LoopbackGeoReport submitted(byte[] body) {
        submitted = body;
        return this;
    }

    LoopbackGeoReport status(int code) {
        status = code;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        if ("POST".equals(exchange.getRequestMethod())) {
            posts.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            body = submitted;
        } else if (path.contains("/services.")) {
            body = services;
        } else {
            queries.add(exchange.getRequestURI().getRawQuery());
            body = requests;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
