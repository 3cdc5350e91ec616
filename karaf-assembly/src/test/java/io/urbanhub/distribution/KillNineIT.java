package io.urbanhub.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.junit.Test;

import io.urbanhub.testing.LocalService;
import io.urbanhub.testing.RestartableMqttBroker;
import io.urbanhub.testing.TestPostgres;

/**
 * The hub's process is killed ({@code kill -9}) while ChirpStack uplinks flow, and started again: the distribution
 * as users run it ({@code bin/karaf daemon}) on PostgreSQL. Every uplink the broker acknowledged to the network
 * server is stored exactly once, because the adapter acknowledges an uplink to the broker only once it is stored.
 * The distribution ships no SSH host key: the installation makes its own and keeps it.
 */
public class KillNineIT {

    private static final int RATE = 500;
    private static final int SECONDS = 20;
    private static final int DEVICES = 20;
    private static final int VALUES_PER_UPLINK = 5;
    private static final String TENANT = "killtown";
    private static final Duration BOOT_PATIENCE = Duration.ofSeconds(120);

    @Test
    public void aHubKilledMidStreamLosesNoAcknowledgedUplinkAndStoresNoneTwice() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "kill-nine", UUID.randomUUID().toString()));
        String application = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestPostgres postgres = TestPostgres.start();
             RestartableMqttBroker broker = RestartableMqttBroker.start(Files.createDirectories(work.resolve("broker")))) {
            Path hub = unpack(work);
            Path hostKey = hub.resolve("etc").resolve("host.key");
            assertFalse("the distribution ships no SSH host key: each installation makes its own", Files.exists(hostKey));
            int sshPort = LocalService.freePort();
            configure(hub, postgres, broker.url(), application, sshPort);
            Process karaf = start(hub);
            try {
                awaitLogged(hub, karaf, "Adapter lorawan-chirpstack." + TENANT + " is RUNNING", 1);
                PublicKey firstHostKey = sshHostKey(sshPort);
                assertTrue("the SSH server made its host key", Files.exists(hostKey));
                long sent = RATE * SECONDS;
                long restartedAt = 0;
                try (NetworkServer networkServer = new NetworkServer(broker.url(), application)) {
                    long start = System.nanoTime();
                    for (int n = 0; n < sent; n++) {
                        long wait = start + TimeUnit.SECONDS.toNanos(n) / RATE - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        if (n == RATE * 5) {
                            kill(karaf);
                            karaf = start(hub);
                            restartedAt = System.nanoTime();
                        }
                        networkServer.publish(devEui(n % DEVICES), n / DEVICES + 1);
                    }
                    assertEquals("every uplink acknowledged by the broker", sent, networkServer.awaitAcknowledged(sent));
                }
                awaitLogged(hub, karaf, "Adapter lorawan-chirpstack." + TENANT + " is RUNNING", 2);
                long stored = postgres.awaitCount("SELECT COUNT(*) FROM hub_input WHERE tenant = ?", TENANT, sent,
                    Duration.ofSeconds(30));
                double caughtUp = (System.nanoTime() - restartedAt) / 1e9;
                long deadLetters = postgres.count("SELECT COUNT(*) FROM hub_dead_letter WHERE tenant = ?", TENANT);
                long observations = postgres.count("SELECT COUNT(*) FROM hub_observation WHERE tenant = ?", TENANT);
                long distinct = postgres.count("SELECT COUNT(*) FROM (SELECT DISTINCT entity_id, attribute, message_id"
                        + " FROM hub_observation WHERE tenant = ?) once", TENANT);
                System.out.printf("| kill -9 of Karaf at 5 s, restarted at once | %d | %d | %d | %d | caught up %.1f s after the restart |%n",
                        sent, stored, observations - distinct, deadLetters, caughtUp);
                assertEquals("stored and dead letters make up what was sent", sent, stored + deadLetters);
                assertEquals(0, deadLetters);
                assertEquals("each uplink's values once", sent * VALUES_PER_UPLINK, observations);
                assertEquals(observations, distinct);
                assertEquals("the host key outlives a restart", firstHostKey, sshHostKey(sshPort));
            } finally {
                stop(karaf);
            }
        }
    }

    private static Path unpack(Path work) throws Exception {
        Process tar = new ProcessBuilder("tar", "xzf", Path.of(System.getProperty("urbanhub.distribution")).toAbsolutePath().toString(),
                "-C", work.toAbsolutePath().toString()).inheritIO().start();
        assertEquals("tar of the distribution", 0, tar.waitFor());
        try (var unpacked = Files.list(work)) {
            return unpacked.filter(path -> Files.exists(path.resolve("bin").resolve("karaf"))).findFirst().orElseThrow();
        }
    }

    /** As an operator would: PostgreSQL, one ChirpStack instance, its devices; free ports for everything else. */
    private static void configure(Path hub, TestPostgres postgres, String brokerUrl, String application, int sshPort)
            throws IOException {
        Path etc = hub.resolve("etc");
        set(etc.resolve("org.ops4j.datasource-urbanhub.cfg"), "osgi.jdbc.driver.class", "org.postgresql.Driver");
        set(etc.resolve("org.ops4j.datasource-urbanhub.cfg"), "url", postgres.jdbcUrl());
        set(etc.resolve("org.ops4j.datasource-urbanhub.cfg"), "user", postgres.username());
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(sshPort));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(LocalService.freePort()));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(LocalService.freePort()));
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(LocalService.freePort()));
        String demoBroker = "tcp://127.0.0.1:" + LocalService.freePort();
        set(etc.resolve("io.urbanhub.demo.broker.cfg"), "port", demoBroker.substring(demoBroker.lastIndexOf(':') + 1));
        for (String demo : List.of("io.urbanhub.demo.simulator-demo.cfg", "io.urbanhub.route.lorawan.chirpstack-demo.cfg",
                "io.urbanhub.route.mqtt.heartbeat-demo.cfg")) {
            set(etc.resolve(demo), "brokerUrl", demoBroker);
        }
        set(etc.resolve("io.urbanhub.core.cfg"), "republish.brokerUrl", demoBroker);
        Files.writeString(etc.resolve("io.urbanhub.route.lorawan.chirpstack-" + TENANT + ".cfg"), String.join("\n",
                "tenant = " + TENANT, "brokerUrl = " + brokerUrl, "topic = application/" + application + "/device/+/event/up", ""));
        StringBuilder devices = new StringBuilder();
        for (int device = 0; device < DEVICES; device++) {
            devices.append(devEui(device)).append(",dragino-lht65,").append(TENANT).append(",IndoorEnvironmentObserved,cold-room-")
                    .append(device).append(",7.6,51.9,Kühlraum ").append(device).append('\n');
        }
        Files.writeString(etc.resolve("urbanhub").resolve("devices.csv"), devices, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Sets one key of a .cfg file, keeping the rest of it. */
    private static void set(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.ISO_8859_1)) : new ArrayList<>();
        lines.removeIf(line -> line.strip().startsWith(key + " ") || line.strip().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines, StandardCharsets.ISO_8859_1);
    }

    /** The key the hub's SSH server proves itself with, as a client sees it before logging in. */
    private static PublicKey sshHostKey(int port) throws IOException {
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (ClientSession session = client.connect("nobody", "127.0.0.1", port).verify(Duration.ofSeconds(30)).getSession()) {
            session.waitFor(EnumSet.of(ClientSessionEvent.WAIT_AUTH, ClientSessionEvent.CLOSED), Duration.ofSeconds(30));
            return session.getServerKey();
        } finally {
            client.stop();
        }
    }

    private static Process start(Path hub) throws IOException {
        ProcessBuilder karaf = new ProcessBuilder(hub.resolve("bin").resolve("karaf").toAbsolutePath().toString(), "daemon")
                .directory(hub.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(hub.resolve("console.out").toFile()));
        karaf.environment().put("URBANHUB_ADMIN_PASSWORD", UUID.randomUUID().toString());
        return karaf.start();
    }

    /** SIGKILL to the JVM and whatever it started: no shutdown hook, no flush, no goodbye to the broker. */
    private static void kill(Process karaf) throws InterruptedException {
        karaf.descendants().forEach(ProcessHandle::destroyForcibly);
        karaf.destroyForcibly();
        assertTrue("the hub died", karaf.waitFor(30, TimeUnit.SECONDS));
    }

    private static void stop(Process karaf) throws InterruptedException {
        karaf.descendants().forEach(ProcessHandle::destroy);
        karaf.destroy();
        if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
            kill(karaf);
        }
    }

    /** Waits until karaf.log holds the line the given number of times. */
    private static void awaitLogged(Path hub, Process karaf, String line, int times) throws Exception {
        Path log = hub.resolve("data").resolve("log").resolve("karaf.log");
        long deadline = System.nanoTime() + BOOT_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && occurrences(log, line) >= times) {
                return;
            }
            assertTrue("the hub runs; see " + hub.resolve("console.out"), karaf.isAlive());
            Thread.sleep(200);
        }
        throw new AssertionError("Not logged " + times + " times within " + BOOT_PATIENCE + ": " + line);
    }

    private static long occurrences(Path log, String line) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(logged -> logged.contains(line)).count();
        }
    }



    private static String devEui(int device) {
        return String.format("70b3d57ed4%06x", device);
    }
}
