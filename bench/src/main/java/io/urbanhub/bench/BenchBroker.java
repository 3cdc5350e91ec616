package io.urbanhub.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.urbanhub.testing.LocalService;
import io.urbanhub.testing.TestMqttBroker;

/**
 * The broker of the run: a Mosquitto of its own, set up as the README asks for a hub (a window of 1,000 unacknowledged
 * QoS 1 messages per client instead of 20, 100,000 queued per session), so that the broker's limit and the hub's
 * are measured on the same settings; where Mosquitto is not installed, the embedded broker of the tests.
 */
final class BenchBroker implements AutoCloseable {

    private final Process mosquitto;
    private final TestMqttBroker embedded;
    private final String url;
    private final String description;

    private BenchBroker(Process mosquitto, TestMqttBroker embedded, String url, String description) {
        this.mosquitto = mosquitto;
        this.embedded = embedded;
        this.url = url;
        this.description = description;
    }

    static BenchBroker start(Path folder) throws IOException, InterruptedException {
        Optional<Path> installed = Stream.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")
                .map(Path::of).filter(Files::isExecutable).findFirst();
        if (installed.isEmpty()) {
            TestMqttBroker broker = TestMqttBroker.start();
            return new BenchBroker(null, broker, broker.url(), broker.isEmbedded() ? "Moquette (embedded)" : broker.url());
        }
        Files.createDirectories(folder);
        int port = LocalService.freePort();
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
                "max_inflight_messages 1000", "max_queued_messages 100000",
                // started by root, Mosquitto would switch to its own user
                "user " + System.getProperty("user.name"),
                "log_dest file " + folder.resolve("mosquitto.log").toAbsolutePath(), ""));
        Process process = new ProcessBuilder(installed.get().toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("mosquitto.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new BenchBroker(process, null, "tcp://127.0.0.1:" + port,
                        version(installed.get()) + ", max_inflight_messages 1000, max_queued_messages 100000");
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("Mosquitto did not listen on " + port + "; see " + folder.resolve("mosquitto.out"));
    }

    /** The first line of {@code mosquitto -h}, e.g. "mosquitto version 2.0.11". */
    private static String version(Path mosquitto) throws IOException, InterruptedException {
        Process help = new ProcessBuilder(mosquitto.toString(), "-h").redirectErrorStream(true).start();
        String first = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().findFirst().orElse("mosquitto");
        help.waitFor();
        return first.strip();
    }

    String url() {
        return url;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
