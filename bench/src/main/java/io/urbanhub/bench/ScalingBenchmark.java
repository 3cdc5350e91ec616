package io.urbanhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.urbanhub.testing.TestPostgres;

/**
 * How the hub grows with the municipalities it serves: for 1, 10 and 100 tenants, each with a ChirpStack instance of
 * its own (as a KDN runs one adapter per municipality), the same devices shared out among them, a fresh distribution
 * each time: boot to ready, threads and resident memory at idle, and uplinks per second flat out at QoS 1.
 */
public final class TenantScalingBenchmark {

    private TenantScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(System.getProperty("bench.distribution"));
        List<Integer> counts = List.of(System.getProperty("bench.tenantCounts", "1,10,100").split(",")).stream()
                .map(String::strip).map(Integer::valueOf).toList();
        int devices = Integer.getInteger("bench.devices", 600);
        int uplinks = Integer.getInteger("bench.saturationUplinks", 30_000);
        Path reportDir = Path.of(System.getProperty("bench.report", "target/bench-report"));
        Path work = Path.of(System.getProperty("bench.work", "target/e2e"), "tenants-" + System.nanoTime());

        List<Map<String, Object>> rows = new ArrayList<>();
        try (BenchBroker broker = BenchBroker.start(work.resolve("broker"))) {
            for (int tenants : counts) {
                // a database of its own for each count: the same devices and frame counters come again
                try (TestPostgres postgres = TestPostgres.start()) {
                    rows.add(run(distribution, work.resolve("hub-" + tenants), postgres, broker, tenants, devices, uplinks));
                }
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", StoreBenchmark.machine());
        report.put("settings", Map.of("devices", devices, "saturationUplinks", uplinks, "tenantCounts", counts));
        report.put("runs", rows);
        Files.createDirectories(reportDir);
        Files.writeString(reportDir.resolve("tenant-scaling.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        StringBuilder md = new StringBuilder("# Tenant scaling\n\n").append(devices).append(" devices shared out, ")
                .append(uplinks).append(" uplinks at QoS 1 flat out, one run each, on ").append(report.get("machine"))
                .append(".\n\n| tenants | boot to ready s | threads idle | RSS idle MiB | uplinks/s | RSS peak MiB |\n|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : rows) {
            md.append("| ").append(row.get("tenants")).append(" | ").append(row.get("bootSeconds")).append(" | ")
                    .append(row.get("idleThreads")).append(" | ").append(row.get("idleRssMiB")).append(" | ")
                    .append(row.get("uplinksPerSecond")).append(" | ").append(row.get("peakRssMiB")).append(" |\n");
        }
        Files.writeString(reportDir.resolve("tenant-scaling.md"), md);
        StoreBenchmark.progress("%n%s", md);
    }

    private static Map<String, Object> run(Path distribution, Path work, TestPostgres postgres, BenchBroker broker,
                                           int tenants, int devices, int uplinks) throws Exception {
        try (HubProcess hub = HubProcess.unpack(distribution, work)) {
            hub.configure(postgres.jdbcUrl(), postgres.username(), broker.url());
            List<String> csv = new ArrayList<>();
            List<List<PilotDevices.Device>> perTenant = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                List<PilotDevices.Device> own = PilotDevices.devices(Math.max(1, devices / tenants), 100 + t);
                perTenant.add(own);
                List<String> lines = PilotDevices.csv(own, tenant(t));
                csv.addAll(t == 0 ? lines : lines.subList(1, lines.size()));
                hub.addChirpStackInstance(tenant(t), broker.url(), application(t), 1);
            }
            hub.registerDevices(csv);
            Duration boot = hub.start();
            TimeUnit.SECONDS.sleep(5);
            HubProcess.Usage idle = hub.usage();
            StoreBenchmark.progress("%d tenants: ready after %.1f s, %d threads, %d MiB", tenants, boot.toMillis() / 1000.0,
                    idle.threads(), idle.rssBytes() >> 20);
            double perSecond;
            try (CommitWatch commits = new CommitWatch(postgres.jdbcUrl(), postgres.username(), postgres.password());
                 RssPeak peak = new RssPeak(hub)) {
                List<ChirpStackLoad> loads = new ArrayList<>();
                for (int t = 0; t < tenants; t++) {
                    loads.add(new ChirpStackLoad(broker.url(), application(t), 1, perTenant.get(t), 0));
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
                perSecond = commits.committed() / ((System.nanoTime() - start) / 1e9);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tenants", tenants);
                row.put("bootSeconds", Math.round(boot.toMillis() / 100.0) / 10.0);
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

    private static String tenant(int t) {
        return "scale-" + t;
    }

    private static String application(int t) {
        return "bench-scale-" + t;
    }
}
