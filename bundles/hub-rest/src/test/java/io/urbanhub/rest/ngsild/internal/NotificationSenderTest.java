package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class NotificationSenderTest {

    private static final String PASSWORD = "s3cr3t-pw";
    private static final String TOKEN = "t0ken-in-query";

    @Test
    void anEndpointIsShownWithoutUserInfoQueryOrFragment() {
        assertEquals("mqtt://broker.example:1883/city/alerts",
                NotificationSender.shown(URI.create("mqtt://hub:" + PASSWORD + "@broker.example:1883/city/alerts")));
        assertEquals("https://alerts.example/notify",
                NotificationSender.shown(URI.create("https://hub:" + PASSWORD + "@alerts.example/notify?token=" + TOKEN + "#" + TOKEN)));
        assertEquals("http://[::1]:8080/n", NotificationSender.shown(URI.create("http://user@[::1]:8080/n")));
    }

    @Test
    void aRefusedDeliveryNamesTheEndpointWithoutItsSecrets() throws Exception {
        HttpServer subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        subscriber.start();
        try (NotificationSender sender = new NotificationSender(Duration.ofSeconds(5))) {
            URI endpoint = URI.create("http://hub:" + PASSWORD + "@127.0.0.1:" + subscriber.getAddress().getPort()
                    + "/notify?token=" + TOKEN);
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> sender.send(endpoint, "musterstadt", "{}", false).get(10, TimeUnit.SECONDS));
            String reason = failed.getCause().getMessage();
            assertTrue(reason.contains("HTTP 500 from http://127.0.0.1:"), reason);
            assertFalse(reason.contains(PASSWORD), reason);
            assertFalse(reason.contains(TOKEN), reason);
        } finally {
            subscriber.stop(0);
        }
    }
}
