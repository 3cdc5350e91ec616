package io.urbanhub.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.admin.AdapterCounts;
import io.urbanhub.api.admin.AdapterStatistics;
import io.urbanhub.api.admin.DataLayerStatistics;
import io.urbanhub.api.admin.PipelineStats;

@Service
@Command(scope = "hub", name = "stats", description = "Shows the data layer's pipeline: throughput over the last minute, "
        + "store transaction times, the store writer's buffer and lag, and the MQTT republication queue.")
public class StatsCommand implements Action {

    @Reference
    DataLayerStatistics dataLayer;

    @Reference
    AdapterStatistics adapters;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        PipelineStats stats = dataLayer.pipeline();
        long inputsLastMinute = adapters.counts().values().stream().mapToLong(AdapterCounts::lastMinute).sum();
        ShellTable table = new ShellTable();
        table.column("Measure");
        table.column("Value").alignRight();
        row(table, "inputs/s (last minute)", decimal(inputsLastMinute / 60.0));
        row(table, "observations stored/s (last minute)", decimal(stats.observationsPerSecond()));
        row(table, "store buffer depth", stats.bufferDepth() + " / " + stats.bufferCapacity());
        row(table, "store lag (oldest waiting, ms)", stats.oldestWaitMillis());
        row(table, "store transactions", stats.batches());
        row(table, "inputs written", stats.inputsWritten());
        row(table, "transaction ms mean (last " + stats.sampledBatches() + ")", decimal(stats.batchMillisMean()));
        row(table, "transaction ms p50", decimal(stats.batchMillisP50()));
        row(table, "transaction ms p95", decimal(stats.batchMillisP95()));
        row(table, "transaction ms p99", decimal(stats.batchMillisP99()));
        row(table, "republish queue depth", stats.republishQueueDepth() < 0 ? "off" : stats.republishQueueDepth());
        row(table, "republications dropped", stats.republishDropped() < 0 ? "off" : stats.republishDropped());
        table.print(System.out, !noFormat);
        return null;
    }

    private static void row(ShellTable table, String measure, Object value) {
        table.addRow().addContent(measure, value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
