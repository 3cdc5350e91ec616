package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.urbanhub.testing.TestMqttBroker;

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

    @Test
    void aHangingBrokerMakesFurtherMqttDeliveriesFailAtOnceInsteadOfPilingUp() throws Exception {
        try (ServerSocket silentBroker = silentBroker();
             NotificationSender sender = new NotificationSender(Duration.ofSeconds(3), 5)) {
            URI endpoint = URI.create("mqtt://127.0.0.1:" + silentBroker.getLocalPort() + "/city/alerts");
            List<CompletableFuture<Void>> taken = new ArrayList<>();
            for (int n = 0; n < 1 + 5; n++) {
                taken.add(sender.send(endpoint, "musterstadt", "{}", false));
            }
            CompletableFuture<Void> overflow = sender.send(endpoint, "musterstadt", "{}", false);

            assertTrue(overflow.isCompletedExceptionally(), "failed at once, without waiting for the broker");
            ExecutionException failed = assertThrows(ExecutionException.class, overflow::get);
            assertTrue(failed.getCause().getMessage().startsWith("Too many MQTT notifications waiting"), failed.getCause().getMessage());
            assertFalse(taken.get(0).isDone(), "the first delivery still waits for the hanging broker");
        }
    }

    @Test
    void aHangingBrokerDelaysNoOtherBrokersSubscribers() throws Exception {
        try (ServerSocket silentBroker = silentBroker();
             TestMqttBroker broker = TestMqttBroker.start();
             NotificationSender sender = new NotificationSender(Duration.ofSeconds(30), 100)) {
            URI hanging = URI.create("mqtt://127.0.0.1:" + silentBroker.getLocalPort() + "/city/alerts");
            List<CompletableFuture<Void>> stuck = new ArrayList<>();
            for (int n = 0; n < 50; n++) {
                stuck.add(sender.send(hanging, "musterstadt", "{}", false));
            }
            URI working = URI.create(broker.url().replace("tcp://", "mqtt://") + "/city/alerts");
            long started = System.nanoTime();
            for (int n = 0; n < 20; n++) {
                // well within the 30 s the hanging broker holds its own publisher for
                sender.send(working, "nachbarstadt", "{\"n\":" + n + "}", false).get(5, TimeUnit.SECONDS);
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
            assertTrue(stuck.stream().noneMatch(CompletableFuture::isDone), "the hanging broker's deliveries still wait");
        }
    }

    /** Takes connections and never answers them, as a broker that hangs. */
    private static ServerSocket silentBroker() throws IOException {
        ServerSocket silentBroker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(silentBroker.accept());
                }
            } catch (IOException closed) {
                held.forEach(socket -> {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                });
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return silentBroker;
    }
}
