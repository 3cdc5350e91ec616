package io.urbanhub.shell.internal;

import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.admin.AdapterCounts;
import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.admin.AdapterStatistics;

@Service
@Command(scope = "hub", name = "adapters", description = "Lists the adapter instances with their tenant, state and message "
        + "counts since the hub started; Rate/s is inputs per second over the last minute.")
public class AdaptersCommand implements Action {

    private static final AdapterCounts NONE = new AdapterCounts(0, 0, 0, 0, null, 0);

    @Reference
    AdapterInstances instances;

    @Reference
    AdapterStatistics statistics;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        Map<String, AdapterCounts> counts = statistics.counts();
        ShellTable table = new ShellTable();
        table.column("Instance");
        table.column("Tenant");
        table.column("Adapter");
        table.column("State");
        table.column("Reason");
        table.column("In").alignRight();
        table.column("Stored").alignRight();
        table.column("Duplicates").alignRight();
        table.column("Dead letters").alignRight();
        table.column("Last message");
        table.column("Rate/s").alignRight();
        for (AdapterInstanceStatus instance : instances.instances()) {
            AdapterCounts count = counts.getOrDefault(instance.name(), NONE);
            table.addRow().addContent(instance.name(), instance.tenant().isEmpty() ? "-" : instance.tenant(),
                    instance.adapter(), instance.state(), instance.reason(), count.in(), count.stored(), count.duplicates(),
                    count.deadLetters(), count.lastMessageAt() == null ? "-" : count.lastMessageAt(),
                    String.format(Locale.ROOT, "%.2f", count.ratePerSecond()));
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
