package io.urbanhub.bench;

import java.util.Locale;
import java.util.Map;

/** The store benchmark's report as Markdown, for people; the JSON beside it is for tools. */
final class BenchReport {

    private BenchReport() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("# Store benchmark\n\n");
        md.append("Run ").append(report.get("startedAt")).append(" on ").append(report.get("machine"))
                .append(", ").append(report.get("postgresql")).append(".\n\nSettings: ").append(report.get("settings"))
                .append(".\n\n## Ingest (observation rows per second)\n\n| | rows/s | ratio to raw COPY |\n|---|---|---|\n");
        Map<String, Object> ingest = (Map<String, Object>) report.get("ingest");
        md.append("| raw JDBC COPY (the limit) | ").append(((Spread) ingest.get("rawCopyRowsPerSecond")).format("")).append(" | 1 |\n");
        md.append("| hub, 8 adapters waiting for each write | ").append(((Spread) ingest.get("waitingAdaptersRowsPerSecond")).format(""))
                .append(" | ").append(ratio((Spread) ingest.get("waitingAdaptersToCopy"))).append(" |\n");
        md.append("| hub, bulk import without waiting | ").append(((Spread) ingest.get("bulkImportRowsPerSecond")).format(""))
                .append(" | ").append(ratio((Spread) ingest.get("bulkImportToCopy"))).append(" |\n");
        md.append(String.format(Locale.ROOT, "%n## Reads on the loaded city (made in %.0f s)%n%n| query | p50 ms | p99 ms |%n|---|---|---|%n",
                (Double) report.get("loadSeconds")));
        Map<String, Map<String, Spread>> queries = (Map<String, Map<String, Spread>>) report.get("queries");
        queries.forEach((query, spreads) -> md.append("| ").append(query).append(" | ")
                .append(spreads.get("p50Millis").format("")).append(" | ").append(spreads.get("p99Millis").format("")).append(" |\n"));
        md.append("\n## Targets\n\n");
        ((Map<String, Boolean>) report.get("targets")).forEach((target, met) ->
                md.append("- ").append(met ? "met" : "**missed**").append(": ").append(target).append('\n'));
        return md.toString();
    }

    private static String ratio(Spread spread) {
        return String.format(Locale.ROOT, "%.2f (min %.2f, max %.2f)", spread.mean(), spread.min(), spread.max());
    }
}
