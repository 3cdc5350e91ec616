package io.urbanhub.route.datex2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.StoreDataLayer;

/** Feeds pulled from a real HTTP server on the loopback interface, into a real store. */
class Datex2RoutesIT {

    @Test
    void realFeedsArePulledIntoTheStoreAndABrokenOneBecomesADeadLetterWithItsReason() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStore store = JdbcStore.open(database, Duration.ofHours(24));
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve(provider, "/aachen/static", sample("aachen-static.xml"));
        serve(provider, "/aachen/realtime", sample("aachen-realtime.xml"));
        serve(provider, "/frankfurt", sample("frankfurt-dynamic.xml"));
        serve(provider, "/stuttgart-region", sample("stuttgart-realtime.xml"));
        serve(provider, "/broken", "<d2LogicalModel xmlns=\"http://datex2.eu/schema/2/2_0\"><exchange></d2LogicalModel>"
                .getBytes(StandardCharsets.UTF_8));
        provider.start();
        String base = "http://127.0.0.1:" + provider.getAddress().getPort();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("traffic-datex2.aachen");
            context.addRoutes(new Datex2Routes(config(base + "/aachen/static", base + "/aachen/realtime", base + "/frankfurt",
                    base + "/stuttgart-region", base + "/broken"),
                    new StoreDataLayer(store)));
            context.start();

            String p1 = "urn:ngsi-ld:OffStreetParking:aachen:P1";
            awaitTrue(() -> store.reads().entity("aachen", p1).map(e -> e.normalized().contains("availableSpotNumber"))
                    .orElse(false));
            assertTrue(store.reads().entity("aachen", p1).orElseThrow().normalized().contains("\"value\":412"));
            String alteOper = "urn:ngsi-ld:OffStreetParking:aachen:18944";
            awaitTrue(() -> store.reads().entity("aachen", alteOper).isPresent());
            assertTrue(store.reads().entity("aachen", alteOper).orElseThrow().normalized()
                    .contains("\"availableSpotNumber\":{\"type\":\"Property\",\"value\":353"));
            String stuttgart = "urn:ngsi-ld:OffStreetParking:aachen:12717289";
            awaitTrue(() -> store.reads().entity("aachen", stuttgart).isPresent());
            assertTrue(store.reads().entity("aachen", stuttgart).orElseThrow().normalized()
                    .contains("\"availableSpotNumber\":{\"type\":\"Property\",\"value\":245"));
            String brokenFeed = base + "/broken: ";
            awaitTrue(() -> store.reads().deadLetters("aachen", 1000).stream()
                    .anyMatch(letter -> letter.reason().startsWith(brokenFeed)));
            DeadLetter broken = store.reads().deadLetters("aachen", 1000).stream()
                    .filter(letter -> letter.reason().startsWith(brokenFeed)).findFirst().orElseThrow();
            assertTrue(broken.reason().contains("malformed XML"), broken.reason());
            assertEquals("traffic-datex2.aachen", broken.adapter());
        } finally {
            provider.stop(0);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain");
            }
            Thread.sleep(100);
        }
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream xml = Datex2RoutesIT.class.getResourceAsStream("/datex2/" + name)) {
            return xml.readAllBytes();
        }
    }

    private static void serve(HttpServer server, String path, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static Datex2Config config(String... feeds) {
        return new Datex2Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Datex2Config.class;
            }

            @Override
            public String tenant() {
                return "aachen";
            }

            @Override
            public String[] feedUrls() {
                return feeds;
            }

            @Override
            public int pollSeconds() {
                return 1;
            }

            @Override
            public String username() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public String keyStore() {
                return "";
            }

            @Override
            public String keyStorePassword() {
                return "";
            }

            @Override
            public String trustStore() {
                return "";
            }

            @Override
            public String trustStorePassword() {
                return "";
            }

            @Override
            public String pushSecret() {
                return "";
            }

            @Override
            public String pushHeader() {
                return "X-Datex2-Secret";
            }
        };
    }
}
