package io.urbanhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.urbanhub.testing.TestPostgres;

/**
 * How the hub grows with what it serves, a fresh distribution and database for each point: with the registered
 * devices (one tenant, 1,000 to 1,000,000 devices), and with the municipalities (1, 10 and 100 tenants, each with a
 * ChirpStack instance of its own as a KDN runs them, the same devices shared out). Each point: the first boot, which
 * imports the device file; a restart with the devices registered, as a hub in service starts; threads and resident
 * memory at idle after it; uplinks per second flat out at QoS 1, from devices spread over the whole registry; and the
 * peak resident memory meanwhile.
 */
public final class ScalingBenchmark {

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(System.getProperty("bench.distribution"));
        List<Integer> deviceCounts = counts("bench.deviceCounts", "1000,10000,100000,1000000");
        List<Integer> tenantCounts = counts("bench.tenantCounts", "1,10,100");
        int devicesSharedOut = Integer.getInteger("bench.tenantDevices", 600);
        int uplinks = Integer.getInteger("bench.saturationUplinks", 30_000);
        Path reportDir = Path.of(System.getProperty("bench.report", "target/bench-report"));
        Path work = Path.of(System.getProperty("bench.work", "target/e2e"), "scaling-" + System.nanoTime());

        List<Map<String, Object>> byDevices = new ArrayList<>();
        List<Map<String, Object>> byTenants = new ArrayList<>();
        try (BenchBroker broker = BenchBroker.start(work.resolve("broker"))) {
            for (int devices : deviceCounts) {
                byDevices.add(point(distribution, work.resolve("devices-" + devices), broker, 1, devices, uplinks));
            }
            for (int tenants : tenantCounts) {
                byTenants.add(point(distribution, work.resolve("tenants-" + tenants), broker, tenants, devicesSharedOut, uplinks));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", StoreBenchmark.machine());
        report.put("settings", Map.of("saturationUplinks", uplinks, "deviceCounts", deviceCounts, "tenantCounts", tenantCounts,
                "devicesSharedOutAmongTenants", devicesSharedOut,
                "hubJavaOpts", System.getProperty("bench.hubJavaOpts", "").isBlank() ? "as shipped (bin/setenv)"
                        : System.getProperty("bench.hubJavaOpts")));
        report.put("byDevices", byDevices);
        report.put("byTenants", byTenants);
        Files.createDirectories(reportDir);
        Files.writeString(reportDir.resolve("scaling.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        String md = markdown(report, byDevices, byTenants, devicesSharedOut, uplinks);
        Files.writeString(reportDir.resolve("scaling.md"), md);
        StoreBenchmark.progress("%n%s", md);
    }

    private static String markdown(Map<String, Object> report, List<Map<String, Object>> byDevices,
                                   List<Map<String, Object>> byTenants, int devicesSharedOut, int uplinks) {
        StringBuilder md = new StringBuilder("# Scaling\n\n").append(uplinks)
                .append(" uplinks at QoS 1 flat out, one run per point, a fresh distribution and database each, on ")
                .append(report.get("machine")).append("; settings ").append(report.get("settings")).append(".\n\n")
                .append("## Registered devices, one tenant\n\n")
                .append("| devices | first boot s (imports the file) | boot s (registered) | threads idle | RSS idle MiB"
                        + " | bytes per added device | uplinks/s | RSS peak MiB |\n|---|---|---|---|---|---|---|---|\n");
        Map<String, Object> smallest = byDevices.isEmpty() ? null : byDevices.get(0);
        for (Map<String, Object> row : byDevices) {
            long addedDevices = number(row, "devices") - number(smallest, "devices");
            String perDevice = addedDevices == 0 ? "—" : Long.toString(
                    (number(row, "idleRssMiB") - number(smallest, "idleRssMiB")) * 1024 * 1024 / addedDevices);
            md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s |%n", number(row, "devices"),
                    row.get("firstBootSeconds"), row.get("bootSeconds"), row.get("idleThreads"), row.get("idleRssMiB"),
                    perDevice, row.get("uplinksPerSecond"), row.get("peakRssMiB")));
        }
        md.append("\n## Tenants, ").append(devicesSharedOut).append(" devices shared out, one ChirpStack instance each\n\n")
                .append("| tenants | first boot s | boot s | threads idle | RSS idle MiB | uplinks/s | RSS peak MiB |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : byTenants) {
            md.append("| ").append(row.get("tenants")).append(" | ").append(row.get("firstBootSeconds")).append(" | ")
                    .append(row.get("bootSeconds")).append(" | ").append(row.get("idleThreads")).append(" | ")
                    .append(row.get("idleRssMiB")).append(" | ").append(row.get("uplinksPerSecond")).append(" | ")
                    .append(row.get("peakRssMiB")).append(" |\n");
        }
        return md.toString();
    }

    private static Map<String, Object> point(Path distribution, Path work, BenchBroker broker, int tenants, int devices,
                                             int uplinks) throws Exception {
        // a database of its own for each point: the same devices and frame counters come again
        try (TestPostgres postgres = TestPostgres.start(); HubProcess hub = HubProcess.unpack(distribution, work)) {
            hub.configure(postgres.jdbcUrl(), postgres.username(), broker.url());
            List<String> csv = new ArrayList<>();
            List<List<PilotDevices.Device>> sending = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                List<PilotDevices.Device> own = PilotDevices.devices(Math.max(1, devices / tenants), 100 + t);
                sending.add(spread(own, Math.max(1, uplinks / tenants)));
                List<String> lines = PilotDevices.csv(own, tenant(t));
                csv.addAll(t == 0 ? lines : lines.subList(1, lines.size()));
                hub.addChirpStackInstance(tenant(t), broker.url(), application(t), 1);
            }
            hub.registerDevices(csv);
            Duration firstBoot = hub.start();
            Duration boot = hub.restart();
            TimeUnit.SECONDS.sleep(5);
            HubProcess.Usage idle = hub.usage();
            StoreBenchmark.progress("%d tenants, %d devices: first boot %.1f s, boot %.1f s, %d threads, %d MiB", tenants, devices,
                    firstBoot.toMillis() / 1000.0, boot.toMillis() / 1000.0, idle.threads(), idle.rssBytes() >> 20);
            try (CommitWatch commits = new CommitWatch(postgres.jdbcUrl(), postgres.username(), postgres.password());
                 RssPeak peak = new RssPeak(hub)) {
                List<ChirpStackLoad> loads = new ArrayList<>();
                for (int t = 0; t < tenants; t++) {
                    loads.add(new ChirpStackLoad(broker.url(), application(t), 1, sending.get(t), 0));
                }
                long start = System.nanoTime();
                for (int n = 0; n < uplinks; n++) {
                    loads.get(n % tenants).publish(n / tenants);
                }
                for (ChirpStackLoad load : loads) {
                    load.awaitAcknowledged(TimeUnit.MINUTES.toMillis(5));
                    load.close();
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (commits.committed() < uplinks && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                double perSecond = commits.committed() / ((System.nanoTime() - start) / 1e9);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tenants", tenants);
                row.put("devices", devices);
                row.put("firstBootSeconds", seconds(firstBoot));
                row.put("bootSeconds", seconds(boot));
                row.put("idleThreads", idle.threads());
                row.put("idleRssMiB", idle.rssBytes() >> 20);
                row.put("uplinksPerSecond", Math.round(perSecond));
                row.put("stored", commits.committed());
                row.put("peakRssMiB", peak.peakBytes() >> 20);
                StoreBenchmark.progress("  %d uplinks/s, %d of %d stored", Math.round(perSecond), commits.committed(), uplinks);
                return row;
            }
        }
    }

    /** About {@code wanted} devices taken evenly from the whole list, so that a large registry is looked up all over. */
    private static List<PilotDevices.Device> spread(List<PilotDevices.Device> devices, int wanted) {
        if (devices.size() <= wanted) {
            return devices;
        }
        int step = devices.size() / wanted;
        List<PilotDevices.Device> spread = new ArrayList<>(wanted);
        for (int i = 0; i < devices.size() && spread.size() < wanted; i += step) {
            spread.add(devices.get(i));
        }
        return spread;
    }

    private static List<Integer> counts(String property, String defaults) {
        return List.of(System.getProperty(property, defaults).split(",")).stream().map(String::strip).map(Integer::valueOf).toList();
    }

    private static long number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }

    private static String tenant(int t) {
        return "scale-" + t;
    }

    private static String application(int t) {
        return "bench-scale-" + t;
    }
}
