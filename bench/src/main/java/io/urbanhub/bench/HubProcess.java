package io.urbanhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.urbanhub.testing.LocalService;

/**
 * The distribution as users run it: the assembly's tar.gz unpacked, configured through its {@code etc/} files as an
 * operator would, started with {@code bin/karaf daemon}. Its JVM is watched from outside through {@code /proc}.
 */
final class HubProcess implements AutoCloseable {

    private static final Duration BOOT_PATIENCE = Duration.ofMinutes(3);

    private final Path home;
    private final int httpPort = LocalService.freePort();
    private Process karaf;

    private HubProcess(Path home) {
        this.home = home;
    }

    static HubProcess unpack(Path distribution, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Process tar = new ProcessBuilder("tar", "xzf", distribution.toAbsolutePath().toString(), "-C",
                work.toAbsolutePath().toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IOException("tar could not unpack " + distribution);
        }
        try (var unpacked = Files.list(work)) {
            return new HubProcess(unpacked.filter(path -> Files.exists(path.resolve("bin").resolve("karaf"))).findFirst()
                    .orElseThrow(() -> new IOException("No distribution in " + work)));
        }
    }

    /**
     * PostgreSQL as the store, free ports for everything the hub listens on, the demo's simulator and adapters
     * left out so that only the load of the benchmark runs, and the republishing to the benchmark's broker.
     */
    void configure(String jdbcUrl, String user, String brokerUrl) throws IOException {
        Path etc = home.resolve("etc");
        set(etc.resolve("org.ops4j.datasource-urbanhub.cfg"), "osgi.jdbc.driver.class", "org.postgresql.Driver");
        set(etc.resolve("org.ops4j.datasource-urbanhub.cfg"), "url", jdbcUrl);
        set(etc.resolve("org.ops4j.datasource-urbanhub.cfg"), "user", user);
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(LocalService.freePort()));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(LocalService.freePort()));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(LocalService.freePort()));
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        set(etc.resolve("io.urbanhub.demo.broker.cfg"), "port", Integer.toString(LocalService.freePort()));
        for (String demo : List.of("io.urbanhub.demo.simulator-demo.cfg", "io.urbanhub.route.lorawan.chirpstack-demo.cfg",
                "io.urbanhub.route.mqtt.heartbeat-demo.cfg")) {
            Files.deleteIfExists(etc.resolve(demo));
        }
        set(etc.resolve("io.urbanhub.core.cfg"), "republish.brokerUrl", brokerUrl);
        // one line per stored uplink is the demo's; a city's hub logs its problems
        set(etc.resolve("org.ops4j.pax.logging.cfg"), "log4j2.logger.urbanhublorawan.name", "io.urbanhub.lorawan");
        set(etc.resolve("org.ops4j.pax.logging.cfg"), "log4j2.logger.urbanhublorawan.level", "WARN");
    }

    /** A ChirpStack adapter instance of the tenant on the topic of one application. */
    void addChirpStackInstance(String tenant, String brokerUrl, String application, int qos) throws IOException {
        Files.writeString(home.resolve("etc").resolve("io.urbanhub.route.lorawan.chirpstack-" + tenant + ".cfg"),
                String.join("\n", "tenant = " + tenant, "brokerUrl = " + brokerUrl, "qos = " + qos,
                        "topic = application/" + application + "/device/+/event/up", ""));
    }

    /** Registers devices as {@code hub:device-import} reads them: devEui, type, tenant, entity type, local id, place. */
    void registerDevices(List<String> csvLines) throws IOException {
        // replaces the demo's devices
        Files.write(home.resolve("etc").resolve("urbanhub").resolve("devices.csv"), csvLines, StandardCharsets.UTF_8);
    }

    /** Starts the hub and waits until it is ready; the time it took. */
    Duration start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("karaf").toAbsolutePath().toString(), "daemon")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        builder.environment().put("URBANHUB_ADMIN_PASSWORD", UUID.randomUUID().toString());
        String javaOpts = System.getProperty("bench.hubJavaOpts", "");
        if (!javaOpts.isBlank()) {
            // bin/karaf passes them to the JVM, instead of those of bin/setenv
            builder.environment().put("JAVA_OPTS", javaOpts);
        }
        if (Boolean.getBoolean("bench.jfr")) {
            // a profile of the whole run, for finding where the time goes: jfr print --events jdk.ExecutionSample
            builder.environment().put("EXTRA_JAVA_OPTS", "-XX:StartFlightRecording=settings=profile,filename="
                    + home.resolve("hub.jfr").toAbsolutePath());
        }
        long started = System.nanoTime();
        karaf = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
        while (System.nanoTime() - started < BOOT_PATIENCE.toNanos()) {
            if (!karaf.isAlive()) {
                throw new IOException("Karaf ended while starting; see " + home.resolve("console.out"));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("lorawan-chirpstack")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // the HTTP service is not up yet
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IOException("The hub was not ready within " + BOOT_PATIENCE + "; see " + home.resolve("data/log/karaf.log"));
    }

    /** CPU time and resident memory of the Karaf JVM, read from /proc. */
    Usage usage() throws IOException {
        long pid = jvm().pid();
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of stat, in clock ticks of 1/100 s on Linux
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        return new Usage(Duration.ofMillis(ticks * 10), status(status, "VmRSS:") * 1024, status(status, "Threads:"));
    }

    private static long status(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
    }

    record Usage(Duration cpu, long rssBytes, long threads) {
    }

    /** bin/karaf starts the JVM as a child of its shell script, or execs it. */
    private ProcessHandle jvm() {
        ProcessHandle root = karaf.toHandle();
        Optional<ProcessHandle> java = root.descendants()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(false))
                .findFirst();
        return java.orElse(root);
    }

    Path home() {
        return home;
    }

    /** Stops the hub as a service manager does (SIGTERM, Karaf shuts down in order) and starts it again; the second start's time. */
    Duration restart() throws IOException, InterruptedException {
        close();
        return start();
    }

    @Override
    public void close() throws InterruptedException {
        if (karaf == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(karaf.descendants().toList());
        all.add(karaf.toHandle());
        all.forEach(ProcessHandle::destroy);
        if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroyForcibly);
        }
        // the JVM, a child of the script, may outlive it by a moment; a restart must not find its ports taken
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        karaf = null;
    }

    /** Sets one key of a .cfg file, keeping the rest of it. */
    private static void set(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.ISO_8859_1))
                : new ArrayList<>();
        lines.removeIf(line -> line.strip().startsWith(key + " ") || line.strip().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines, StandardCharsets.ISO_8859_1);
    }
}
