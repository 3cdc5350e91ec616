package io.urbanhub.rest.opendata.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A loopback HTTP server that answers package_show, package_create and package_update as CKAN does, and records the calls. */
final class FakeCkan implements AutoCloseable {

    record Call(String method, String action, String authorization, JsonNode body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, ObjectNode> packages = new ConcurrentHashMap<>();
    volatile boolean refuseWrites;
    private final String token;
    private final HttpServer server;

    FakeCkan(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/3/action/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String action = exchange.getRequestURI().getPath().substring("/api/3/action/".length());
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? null : MAPPER.readTree(bytes);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(new Call(exchange.getRequestMethod(), action, authorization, body));
        if (action.equals("package_show")) {
            String id = exchange.getRequestURI().getQuery().substring("id=".length());
            ObjectNode pkg = packages.get(id);
            if (pkg == null) {
                error(exchange, 404, "Not Found Error", "Not found");
            } else {
                success(exchange, pkg);
            }
        } else if (!token.equals(authorization) || refuseWrites) {
            error(exchange, 403, "Authorization Error", "User not authorized to edit packages of this organization");
        } else if (action.equals("package_create") && packages.containsKey(body.get("name").asText())) {
            error(exchange, 409, "Validation Error", "That URL is already in use.");
        } else if (action.equals("package_create") || action.equals("package_update")) {
            ObjectNode pkg = body.deepCopy();
            if (!pkg.has("id")) {
                pkg.put("id", UUID.randomUUID().toString());
            }
            pkg.get("resources").forEach(resource -> {
                if (!resource.has("id")) {
                    ((ObjectNode) resource).put("id", UUID.randomUUID().toString());
                }
            });
            packages.put(pkg.get("name").asText(), pkg);
            success(exchange, pkg);
        } else {
            error(exchange, 400, "Bad Request", "Unknown action " + action);
        }
    }

    private static void success(HttpExchange exchange, JsonNode result) throws IOException {
        ObjectNode answer = MAPPER.createObjectNode().put("success", true);
        answer.set("result", result);
        send(exchange, 200, answer);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode answer = MAPPER.createObjectNode().put("success", false);
        answer.putObject("error").put("__type", type).put("message", message);
        send(exchange, status, answer);
    }

    private static void send(HttpExchange exchange, int status, JsonNode answer) throws IOException {
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
