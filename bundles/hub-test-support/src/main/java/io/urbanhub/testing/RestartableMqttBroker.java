package io.urbanhub.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;

/**
 * An MQTT broker of one test's own, queueing up to 100,000 messages per persistent session: a Mosquitto process when
 * Mosquitto is installed, which can be stopped and started again on the same port keeping its sessions; otherwise
 * (also when {@value LocalService#FORCE_EMBEDDED} is set) an embedded Moquette, which keeps sessions only while it runs.
 */
public final class RestartableMqttBroker implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int QUEUED_PER_SESSION = 100_000;

    private final int port = LocalService.freePort();
    private final Path folder;
    private final Optional<Path> mosquitto;
    private TestCertificates tls;
    private Process process;
    private Server embedded;

    private RestartableMqttBroker(Path folder, Optional<Path> mosquitto) {
        this.folder = folder;
        this.mosquitto = mosquitto;
    }

    /** Starts a broker that keeps its state in the folder. */
    public static RestartableMqttBroker start(Path folder) {
        Optional<Path> mosquitto = Boolean.getBoolean(LocalService.FORCE_EMBEDDED) ? Optional.empty() : findMosquitto();
        RestartableMqttBroker broker = new RestartableMqttBroker(folder, mosquitto);
        broker.startAgain();
        return broker;
    }

    /**
     * Starts a Mosquitto that takes only TLS connections with a client certificate the test CA signed; for machines
     * where {@link #mosquittoInstalled()}.
     */
    public static RestartableMqttBroker startTls(Path folder, TestCertificates certificates) {
        RestartableMqttBroker broker = new RestartableMqttBroker(folder, Optional.of(findMosquitto()
                .orElseThrow(() -> new IllegalStateException("The TLS test broker needs Mosquitto installed"))));
        broker.tls = certificates;
        broker.startAgain();
        return broker;
    }

    public static boolean mosquittoInstalled() {
        return !Boolean.getBoolean(LocalService.FORCE_EMBEDDED) && findMosquitto().isPresent();
    }

    public String url() {
        return (tls == null ? "tcp" : "ssl") + "://127.0.0.1:" + port;
    }

    /** Whether a stop and start keep the persistent sessions and their queued messages. */
    public boolean keepsSessionsAcrossRestart() {
        return mosquitto.isPresent();
    }

    /** What runs: {@code mosquitto} or {@code moquette}. */
    public String kind() {
        return mosquitto.isPresent() ? "mosquitto" : "moquette";
    }

    /** Starts the stopped broker on the same port, with the sessions it kept. */
    public void startAgain() {
        try {
            Files.createDirectories(folder);
            if (mosquitto.isPresent()) {
                Path config = folder.resolve("mosquitto.conf");
                Files.writeString(config, String.join("\n",
                        "listener " + port + " 127.0.0.1",
                        "allow_anonymous true",
                        "persistence true",
                        // as a broker for the hub should be set: the default of 1000 drops what a session gets meanwhile
                        "max_queued_messages " + QUEUED_PER_SESSION,
                        "persistence_location " + folder.toAbsolutePath() + File.separator,
                        // started by root, Mosquitto would switch to its own user, which may not write here
                        "user " + System.getProperty("user.name"),
                        "log_dest file " + folder.resolve("mosquitto.log").toAbsolutePath(),
                        tlsSettings()));
                process = new ProcessBuilder(mosquitto.get().toString(), "-c", config.toString())
                        .redirectErrorStream(true).redirectOutput(folder.resolve("mosquitto.out").toFile()).start();
            } else {
                embedded = new Server();
                embedded.startServer(new MemoryConfig(moquetteProperties()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The test broker did not start", e);
        }
        awaitListening(true);
    }

    /** Stops the broker as an admin does (SIGTERM for Mosquitto), so that it saves what it holds. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Mosquitto did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (embedded != null) {
            embedded.stopServer();
            embedded = null;
        }
        awaitListening(false);
    }

    private String tlsSettings() {
        if (tls == null) {
            return "";
        }
        return String.join("\n", "cafile " + tls.caPem().toAbsolutePath(), "certfile " + tls.serverCertificatePem().toAbsolutePath(),
                "keyfile " + tls.serverKeyPem().toAbsolutePath(), "require_certificate true", "");
    }

    @Override
    public void close() {
        stop();
    }

    private Properties moquetteProperties() {
        Properties properties = new Properties();
        properties.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        // sessions in memory: Moquette 0.17 fails on QoS 1 sessions it restores from disk
        properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(IConfig.SESSION_QUEUE_SIZE, Integer.toString(QUEUED_PER_SESSION));
        properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        return properties;
    }

    private void awaitListening(boolean listening) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (LocalService.accepts(port) != listening) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The test broker on port " + port + (listening ? " did not come up" : " did not go"));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Mosquitto on the PATH or where Debian's package puts it. */
    private static Optional<Path> findMosquitto() {
        List<String> folders = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                Stream.of("/usr/sbin")).toList();
        return folders.stream().filter(folder -> !folder.isEmpty()).map(folder -> Path.of(folder, "mosquitto"))
                .filter(Files::isExecutable).findFirst();
    }
}
