package io.urbanhub.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.testing.TestPostgres;

/**
 * The store on PostgreSQL against this machine's limits, in one run: the hub's ingest as a ratio to raw
 * JDBC COPY, then the NGSI-LD reads on a city of {@code bench.entities} entities and
 * {@code bench.observations} observations. Writes a Markdown and a JSON report.
 */
public final class StoreBenchmark {

    private static final int ADAPTERS = 8;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long entities = Long.getLong("bench.entities", 100_000);
        long observations = Long.getLong("bench.observations", 10_000_000);
        int inputs = Integer.getInteger("bench.ingestInputs", 40_000);
        int repeats = Integer.getInteger("bench.repeats", 3);
        Path reportDir = Path.of(System.getProperty("bench.report", "target/bench-report"));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", machine());
        report.put("settings", Map.of("entities", entities, "observations", observations, "ingestInputs", inputs,
                "valuesPerInput", IngestRun.VALUES_PER_INPUT, "waitingAdapters", ADAPTERS, "repeats", repeats,
                "storeWriter", "buffer 10000, batch 500, linger 0, " + IngestRun.WRITERS + " writer threads", "pool", "HikariCP, 10 connections"));
        try (TestPostgres postgres = TestPostgres.start(); HikariDataSource dataSource = pool(postgres)) {
            report.put("postgresql", postgresVersion(dataSource) + (postgres.isEmbedded() ? " (embedded)" : " (local server)"));
            JdbcStore store = JdbcStore.open(dataSource, Duration.ofHours(24));

            progress("ingest: %d inputs x %d values, %d runs", inputs, IngestRun.VALUES_PER_INPUT, repeats);
            List<Double> copy = new ArrayList<>();
            List<Double> waiting = new ArrayList<>();
            List<Double> bulk = new ArrayList<>();
            for (int run = 0; run < repeats; run++) {
                copy.add(RawCopy.rowsPerSecond(dataSource, inputs * IngestRun.VALUES_PER_INPUT));
                waiting.add(IngestRun.waitingAdapters(store, "w" + run + UUID.randomUUID().toString().substring(0, 6), inputs, ADAPTERS));
                bulk.add(IngestRun.bulkImport(store, "b" + run + UUID.randomUUID().toString().substring(0, 6), inputs));
                progress("  run %d: COPY %.0f rows/s, %d waiting adapters %.0f rows/s, bulk %.0f rows/s", run + 1,
                        copy.get(run), ADAPTERS, waiting.get(run), bulk.get(run));
            }
            Map<String, Object> ingest = new LinkedHashMap<>();
            ingest.put("rawCopyRowsPerSecond", Spread.of(copy));
            ingest.put("waitingAdaptersRowsPerSecond", Spread.of(waiting));
            ingest.put("bulkImportRowsPerSecond", Spread.of(bulk));
            ingest.put("waitingAdaptersToCopy", Spread.of(ratios(waiting, copy)));
            ingest.put("bulkImportToCopy", Spread.of(ratios(bulk, copy)));
            report.put("ingest", ingest);

            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            progress("loading %d entities and %d observations", entities, observations);
            long started = System.nanoTime();
            SyntheticCity.load(dataSource, entities, observations, now);
            report.put("loadSeconds", (System.nanoTime() - started) / 1e9);

            QueryRun queries = new QueryRun(store.reads(), entities, now);
            Map<String, List<Double>> p99 = new LinkedHashMap<>();
            Map<String, List<Double>> p50 = new LinkedHashMap<>();
            for (int run = 0; run < repeats; run++) {
                record(p50, p99, "entityById", queries.entityById(2000));
                record(p50, p99, "typeQueryNear", queries.typeQueryNear(500));
                record(p50, p99, "oneDayOfOneEntity", queries.oneDayOfOneEntity(500));
                progress("  queries run %d: p99 by id %.2f ms, type+q+near %.2f ms, one day %.2f ms", run + 1,
                        last(p99, "entityById"), last(p99, "typeQueryNear"), last(p99, "oneDayOfOneEntity"));
            }
            Map<String, Object> reads = new LinkedHashMap<>();
            p99.forEach((query, runs) -> reads.put(query, Map.of("p50Millis", Spread.of(p50.get(query)), "p99Millis", Spread.of(runs))));
            report.put("queries", reads);

            report.put("targets", targets(ingest, p99));
        }
        Files.createDirectories(reportDir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(reportDir.resolve("store-benchmark.json"), mapper.writeValueAsString(report));
        String markdown = BenchReport.markdown(report);
        Files.writeString(reportDir.resolve("store-benchmark.md"), markdown);
        System.out.println(markdown);
        System.out.println("Report: " + reportDir.toAbsolutePath());
    }

    private static Map<String, Object> targets(Map<String, Object> ingest, Map<String, List<Double>> p99) {
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("entity by id p99 < 10 ms", Spread.of(p99.get("entityById")).max() < 10);
        targets.put("type + q + near p99 < 50 ms", Spread.of(p99.get("typeQueryNear")).max() < 50);
        targets.put("one day of one entity p99 < 50 ms", Spread.of(p99.get("oneDayOfOneEntity")).max() < 50);
        targets.put("ingest >= 0.5 x raw COPY (bulk import)", ((Spread) ingest.get("bulkImportToCopy")).mean() >= 0.5);
        targets.put("ingest >= 0.5 x raw COPY (8 waiting adapters)", ((Spread) ingest.get("waitingAdaptersToCopy")).mean() >= 0.5);
        return targets;
    }

    private static void record(Map<String, List<Double>> p50, Map<String, List<Double>> p99, String query, Latencies latencies) {
        p50.computeIfAbsent(query, q -> new ArrayList<>()).add(latencies.percentileMillis(50));
        p99.computeIfAbsent(query, q -> new ArrayList<>()).add(latencies.percentileMillis(99));
    }

    private static double last(Map<String, List<Double>> values, String query) {
        List<Double> runs = values.get(query);
        return runs.get(runs.size() - 1);
    }

    static List<Double> ratios(List<Double> values, List<Double> baselines) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / baselines.get(i));
        }
        return ratios;
    }

    static HikariDataSource pool(TestPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(postgres.username());
        config.setPassword(postgres.password());
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    static String postgresVersion(HikariDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return "PostgreSQL " + result.getString(1);
        }
    }

    /** What the numbers were measured on, for every report. */
    public static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memoryGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return machine;
    }

    static void progress(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
