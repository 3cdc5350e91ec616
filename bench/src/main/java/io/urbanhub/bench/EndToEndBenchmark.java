package io.urbanhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;

import io.urbanhub.testing.TestPostgres;

/**
 * The hub as users run it, against this machine's limits in the same run: ChirpStack uplinks of the pilot devices
 * through the broker into the distribution (adapter, decoder, de-duplication, PostgreSQL, MQTT republish), flat out
 * and at fixed rates, beside the broker with no hub (Paho to Paho) and PostgreSQL with no hub (COPY). Writes a
 * Markdown and a JSON report with every number's spread over the runs and the ratios.
 */
public final class EndToEndBenchmark {

    private static final String RAW_TENANT = "bench-qos0";
    private static final String TENANT = "bench-qos1";

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(System.getProperty("bench.distribution"));
        int devices = Integer.getInteger("bench.devices", 50_000);
        int saturation = Integer.getInteger("bench.saturationUplinks", 30_000);
        int warmup = Integer.getInteger("bench.warmupUplinks", saturation);
        int seconds = Integer.getInteger("bench.rateSeconds", 10);
        List<Integer> rates = List.of(System.getProperty("bench.rates", "100,1000,5000").split(",")).stream()
                .map(String::strip).map(Integer::valueOf).toList();
        double duplicates = Double.parseDouble(System.getProperty("bench.duplicateShare", "0.05"));
        int repeats = Integer.getInteger("bench.repeats", 3);
        Path reportDir = Path.of(System.getProperty("bench.report", "target/bench-report"));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", StoreBenchmark.machine());
        report.put("settings", settings(devices, saturation, warmup, seconds, rates, duplicates, repeats));
        Path work = Path.of(System.getProperty("bench.work", "target/e2e"), Long.toString(System.nanoTime()));
        try (TestPostgres postgres = TestPostgres.start(); BenchBroker broker = BenchBroker.start(work.resolve("broker"));
             HikariDataSource dataSource = StoreBenchmark.pool(postgres);
             HubProcess hub = HubProcess.unpack(distribution, work.resolve("hub"))) {
            report.put("postgresql", StoreBenchmark.postgresVersion(dataSource) + (postgres.isEmbedded() ? " (embedded)" : " (local server)"));
            String brokerUrl = System.getProperty("bench.brokerUrl", broker.url());
            report.put("broker", brokerUrl.equals(broker.url()) ? broker.description() : brokerUrl);
            List<PilotDevices.Device> qos0Devices = PilotDevices.devices(devices, 0);
            List<PilotDevices.Device> qos1Devices = PilotDevices.devices(devices, 1);

            hub.configure(postgres.jdbcUrl(), postgres.username(), brokerUrl);
            hub.addChirpStackInstance(RAW_TENANT, brokerUrl, "bench-qos0", 0);
            hub.addChirpStackInstance(TENANT, brokerUrl, "bench-qos1", 1);
            List<String> csv = new ArrayList<>(PilotDevices.csv(qos0Devices, RAW_TENANT));
            csv.addAll(PilotDevices.csv(qos1Devices, TENANT).subList(1, devices + 1));
            hub.registerDevices(csv);
            Duration firstBoot = hub.start();
            StoreBenchmark.progress("hub ready after %.1f s, the device file imported", firstBoot.toMillis() / 1000.0);
            report.put("firstBootSeconds", firstBoot.toMillis() / 1000.0);
            // measured as a hub in service starts: its devices registered at an earlier start
            Duration boot = hub.restart();
            StoreBenchmark.progress("hub ready again after %.1f s", boot.toMillis() / 1000.0);
            report.put("bootToReadySeconds", boot.toMillis() / 1000.0);
            report.put("registeredDevices", 2 * devices);
            report.put("idleRssMiB", hub.usage().rssBytes() / (1024 * 1024));

            Map<String, List<Double>> runs = new LinkedHashMap<>();
            AtomicLong qos0Next = new AtomicLong();
            AtomicLong qos1Next = new AtomicLong();
            try (CommitWatch commits = new CommitWatch(postgres.jdbcUrl(), postgres.username(), postgres.password());
                 RssPeak peak = new RssPeak(hub)) {
                if (warmup > 0) {
                    // the hub's JIT compiles its hot paths here, so that the first measured run is not the slowest
                    StoreBenchmark.progress("warm-up: %d uplinks at QoS 1 and at QoS 0, not counted", warmup);
                    saturate(hub, commits, dataSource, brokerUrl, "bench-qos1", 1, qos1Devices, duplicates, qos1Next, warmup);
                    saturate(hub, commits, dataSource, brokerUrl, "bench-qos0", 0, qos0Devices, duplicates, qos0Next, warmup);
                }
                for (int run = 0; run < repeats; run++) {
                    StoreBenchmark.progress("run %d of %d", run + 1, repeats);
                    add(runs, "rawBrokerQos0", RawBroker.messagesPerSecond(brokerUrl, 0, qos0Devices, saturation));
                    add(runs, "rawBrokerQos1", RawBroker.messagesPerSecond(brokerUrl, 1, qos1Devices, saturation));
                    add(runs, "rawCopyRowsPerSecond", RawCopy.rowsPerSecond(dataSource, saturation * 5));
                    Saturation qos1 = saturate(hub, commits, dataSource, brokerUrl, "bench-qos1", 1, qos1Devices,
                            duplicates, qos1Next, saturation);
                    Saturation qos0 = saturate(hub, commits, dataSource, brokerUrl, "bench-qos0", 0, qos0Devices,
                            duplicates, qos0Next, saturation);
                    add(runs, "hubQos1UplinksPerSecond", qos1.uplinksPerSecond());
                    add(runs, "hubQos1RowsPerSecond", qos1.rowsPerSecond());
                    add(runs, "hubQos1CpuCores", qos1.cpuCores());
                    add(runs, "hubQos0UplinksPerSecond", qos0.uplinksPerSecond());
                    add(runs, "hubQos0StoredShare", qos0.storedShare());
                    StoreBenchmark.progress("  broker %.0f/%.0f msg/s (QoS 0/1), COPY %.0f rows/s; hub %.0f uplinks/s QoS 1"
                                    + " (%.0f rows/s, %.2f cores), %.0f uplinks/s QoS 0 (%.3f stored)",
                            last(runs, "rawBrokerQos0"), last(runs, "rawBrokerQos1"), last(runs, "rawCopyRowsPerSecond"),
                            qos1.uplinksPerSecond(), qos1.rowsPerSecond(), qos1.cpuCores(), qos0.uplinksPerSecond(),
                            qos0.storedShare());
                    for (int rate : rates) {
                        Latencies latencies = paced(commits, brokerUrl, qos1Devices, duplicates, qos1Next, rate, seconds);
                        add(runs, "p50At" + rate, latencies.percentileMillis(50));
                        add(runs, "p95At" + rate, latencies.percentileMillis(95));
                        add(runs, "p99At" + rate, latencies.percentileMillis(99));
                        StoreBenchmark.progress("  at %d/s: publish to committed p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", rate,
                                latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99));
                    }
                }
                report.put("peakRssMiB", peak.peakBytes() / (1024 * 1024));
            }
            report.put("results", results(runs, rates));
        }
        Files.createDirectories(reportDir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(reportDir.resolve("end-to-end.json"), mapper.writeValueAsString(report));
        Files.writeString(reportDir.resolve("end-to-end.md"), EndToEndReport.markdown(report));
        StoreBenchmark.progress("%n%s", EndToEndReport.markdown(report));
    }

    record Saturation(double uplinksPerSecond, double rowsPerSecond, double cpuCores, double storedShare) {
    }

    /**
     * Publishes {@code count} uplinks as fast as the broker takes them and waits until the hub has committed them:
     * uplinks per second from the first publish to the last commit.
     */
    private static Saturation saturate(HubProcess hub, CommitWatch commits, HikariDataSource dataSource, String brokerUrl,
                                       String application, int qos, List<PilotDevices.Device> devices, double duplicates,
                                       AtomicLong next, int count) throws Exception {
        long rowsBefore = count(dataSource, "SELECT COUNT(*) FROM hub_observation");
        long committedBefore = commits.committed();
        HubProcess.Usage before = hub.usage();
        long start = System.nanoTime();
        try (ChirpStackLoad load = new ChirpStackLoad(brokerUrl, application, qos, devices, duplicates)) {
            long first = next.get();
            for (long n = first; n < first + count; n++) {
                load.publish(n);
            }
            next.addAndGet(count);
            load.awaitAcknowledged(TimeUnit.MINUTES.toMillis(5));
        }
        long lastProgress = System.nanoTime();
        long seen = commits.committed();
        // QoS 0 may lose uplinks: wait until all arrived or nothing more comes for five seconds
        while (commits.committed() - committedBefore < count && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(5)) {
            TimeUnit.MILLISECONDS.sleep(20);
            if (commits.committed() != seen) {
                seen = commits.committed();
                lastProgress = System.nanoTime();
            }
        }
        double secondsTaken = (lastProgress - start) / 1e9;
        HubProcess.Usage after = hub.usage();
        long stored = commits.committed() - committedBefore;
        long rows = count(dataSource, "SELECT COUNT(*) FROM hub_observation") - rowsBefore;
        commits.forget();
        return new Saturation(stored / secondsTaken, rows / secondsTaken,
                (after.cpu().toNanos() - before.cpu().toNanos()) / 1e9 / secondsTaken, stored / (double) count);
    }

    /** {@code rate} uplinks a second for {@code seconds} seconds; how long each took from publish to commit. */
    private static Latencies paced(CommitWatch commits, String brokerUrl, List<PilotDevices.Device> devices,
                                   double duplicates, AtomicLong next, int rate, int seconds) throws Exception {
        int count = rate * seconds;
        long[] sentAt = new long[count];
        long first = next.get();
        try (ChirpStackLoad load = new ChirpStackLoad(brokerUrl, "bench-qos1", 1, devices, duplicates)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + TimeUnit.SECONDS.toNanos(i) / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sentAt[i] = load.publish(first + i);
            }
            next.addAndGet(count);
            load.awaitAcknowledged(TimeUnit.MINUTES.toMillis(2));
            Latencies latencies = new Latencies(count);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int i = 0; i < count; i++) {
                Long committed;
                while ((committed = commits.committedAt(load.devEui(first + i), load.frameCounter(first + i))) == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Uplink " + (first + i) + " was not committed within a minute");
                    }
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                latencies.add(committed - sentAt[i]);
            }
            commits.forget();
            return latencies;
        }
    }

    private static Map<String, Object> settings(int devices, int saturation, int warmup, int seconds, List<Integer> rates,
                                                double duplicates, int repeats) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("devicesPerInstance", devices);
        settings.put("pilotTypes", PilotDevices.TYPES.stream().map(PilotDevices.PilotType::deviceType).toList());
        settings.put("saturationUplinks", saturation);
        settings.put("warmupUplinks", warmup);
        settings.put("rates", rates);
        settings.put("secondsPerRate", seconds);
        settings.put("duplicateShare", duplicates);
        settings.put("repeats", repeats);
        settings.put("hub", "the distribution as built, bin/karaf daemon, PostgreSQL store, republish to the same broker,"
                + " one ChirpStack instance per QoS, per-uplink INFO log off, measured after a restart with the devices registered");
        return settings;
    }

    private static Map<String, Object> results(Map<String, List<Double>> runs, List<Integer> rates) {
        Map<String, Object> results = new LinkedHashMap<>();
        runs.forEach((name, values) -> results.put(name, Spread.of(values)));
        results.put("hubQos0ToRawBroker", Spread.of(StoreBenchmark.ratios(runs.get("hubQos0UplinksPerSecond"), runs.get("rawBrokerQos0"))));
        results.put("hubQos1ToRawBroker", Spread.of(StoreBenchmark.ratios(runs.get("hubQos1UplinksPerSecond"), runs.get("rawBrokerQos1"))));
        results.put("hubRowsToRawCopy", Spread.of(StoreBenchmark.ratios(runs.get("hubQos1RowsPerSecond"), runs.get("rawCopyRowsPerSecond"))));
        return results;
    }

    private static long count(HikariDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void add(Map<String, List<Double>> runs, String name, double value) {
        runs.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    private static double last(Map<String, List<Double>> runs, String name) {
        List<Double> values = runs.get(name);
        return values.get(values.size() - 1);
    }
}
