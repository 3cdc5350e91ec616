package io.urbanhub.shell.internal;

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
@Command(scope = "hub", name = "adapters", description = "Lists the adapter instances with their state and message counts.")
public class AdaptersCommand implements Action {

    private static final AdapterCounts NONE = new AdapterCounts(0, 0, 0, 0, null);

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
        table.column("State");
        table.column("In").alignRight();
        table.column("Stored").alignRight();
        table.column("Duplicates").alignRight();
        table.column("Dead letters").alignRight();
        table.column("Last message");
        table.column("Reason");
        for (AdapterInstanceStatus instance : instances.instances()) {
            AdapterCounts count = counts.getOrDefault(instance.name(), NONE);
            table.addRow().addContent(instance.name(), instance.state(), count.in(), count.stored(), count.duplicates(),
                    count.deadLetters(), count.lastMessageAt() == null ? "-" : count.lastMessageAt(), instance.reason());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
