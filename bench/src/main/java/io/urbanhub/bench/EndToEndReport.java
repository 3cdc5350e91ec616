package io.urbanhub.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-to-end report as Markdown: what ran where, each number with its spread, the ratios and the targets. */
final class EndToEndReport {

    private EndToEndReport() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        Map<String, Object> results = (Map<String, Object>) report.get("results");
        Map<String, Object> settings = (Map<String, Object>) report.get("settings");
        StringBuilder md = new StringBuilder("# End-to-end benchmark\n\n");
        md.append("Started ").append(report.get("startedAt")).append(" on ").append(report.get("machine")).append(";\n")
                .append(report.get("postgresql")).append(", ").append(report.get("broker")).append(".\n")
                .append("Settings: ").append(settings).append(".\n\n");
        md.append("| measure | result |\n|---|---|\n");
        row(md, "broker alone, QoS 0 (Paho to Paho)", results, "rawBrokerQos0", "msg/s");
        row(md, "broker alone, QoS 1", results, "rawBrokerQos1", "msg/s");
        row(md, "PostgreSQL alone, COPY", results, "rawCopyRowsPerSecond", "rows/s");
        row(md, "hub, QoS 1, flat out", results, "hubQos1UplinksPerSecond", "uplinks/s");
        row(md, "hub, QoS 1, rows", results, "hubQos1RowsPerSecond", "rows/s");
        row(md, "hub, QoS 1, CPU of the Karaf JVM", results, "hubQos1CpuCores", "cores");
        row(md, "hub, QoS 0, flat out", results, "hubQos0UplinksPerSecond", "uplinks/s");
        row(md, "hub, QoS 0, share stored", results, "hubQos0StoredShare", "");
        for (Object rate : (List<Object>) settings.get("rates")) {
            row(md, "publish to committed row at " + rate + "/s, p50", results, "p50At" + rate, "ms");
            row(md, "publish to committed row at " + rate + "/s, p95", results, "p95At" + rate, "ms");
            row(md, "publish to committed row at " + rate + "/s, p99", results, "p99At" + rate, "ms");
        }
        md.append("| first boot to ready, importing the device file | ").append(report.get("firstBootSeconds")).append(" s |\n");
        md.append("| boot to ready, devices registered | ").append(report.get("bootToReadySeconds")).append(" s |\n");
        md.append("| resident memory, idle / peak | ").append(report.get("idleRssMiB")).append(" / ")
                .append(report.get("peakRssMiB")).append(" MiB |\n\n");
        md.append("| ratio | result | target |\n|---|---|---|\n");
        ratio(md, "hub QoS 0 / broker QoS 0", results, "hubQos0ToRawBroker", 0.5);
        ratio(md, "hub QoS 1 / broker QoS 1", results, "hubQos1ToRawBroker", 0.3);
        ratio(md, "hub rows / COPY rows", results, "hubRowsToRawCopy", 0.5);
        md.append("\n| target | result | |\n|---|---|---|\n");
        if (results.get("p99At1000") instanceof Spread p99) {
            md.append(String.format(Locale.ROOT, "| p99 publish to committed row at 1000/s < 25 ms | %.1f ms (max %.1f) | %s |%n",
                    p99.mean(), p99.max(), p99.mean() < 25 ? "met" : "missed"));
        }
        double boot = ((Number) report.get("bootToReadySeconds")).doubleValue();
        md.append(String.format(Locale.ROOT, "| boot to all routes started < 15 s | %.1f s | %s |%n", boot, boot < 15 ? "met" : "missed"));
        long devices = ((Number) report.get("registeredDevices")).longValue();
        long rssMiB = ((Number) report.get("idleRssMiB")).longValue();
        // 400 MB read strictly, as 400 million bytes: 381 MiB
        String verdict = devices < 100_000 ? "not judged: " + devices + " devices registered (-Dbench.devices=50000 registers 100,000)"
                : rssMiB * 1024 * 1024 < 400_000_000L ? "met" : "missed";
        md.append(String.format(Locale.ROOT, "| resident memory < 400 MB with 100,000 registered devices | %d MiB idle (%d MB) with %,d | %s |%n",
                rssMiB, rssMiB * 1024 * 1024 / 1_000_000, devices, verdict));
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Map<String, Object> results, String key, String unit) {
        if (results.get(key) instanceof Spread spread) {
            md.append("| ").append(name).append(" | ").append(spread.format(unit)).append(" |\n");
        }
    }

    private static void ratio(StringBuilder md, String name, Map<String, Object> results, String key, double target) {
        if (results.get(key) instanceof Spread spread) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f (min %.2f, max %.2f) | ≥ %.1f: %s |%n", name, spread.mean(),
                    spread.min(), spread.max(), target, spread.mean() >= target ? "met" : "missed"));
        }
    }
}
