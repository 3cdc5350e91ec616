package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.admin.DataLayerQueries;
import io.urbanhub.api.admin.DeadLetter;

@Service
@Command(scope = "hub", name = "deadletters", description = "Shows the newest dead letters with their reasons.")
public class DeadLettersCommand implements Action {

    private static final int SEARCHED = 10_000;

    @Reference
    DataLayerQueries queries;

    @Option(name = "--tenant", description = "Only this tenant's")
    @Completion(TenantCompleter.class)
    String tenant;

    @Option(name = "--reason", description = "Only those whose reason contains this, e.g. \"unknown device\"")
    String reason;

    @Option(name = "-n", aliases = "--limit", description = "How many dead letters")
    int limit = 20;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Received");
        table.column("Tenant");
        table.column("Adapter");
        table.column("Device");
        table.column("Bytes").alignRight();
        table.column("Reason");
        // a reason filter looks further back, as the letters it wants may be rare
        for (DeadLetter letter : queries.deadLetters(tenant, reason == null ? limit : Math.max(limit, SEARCHED))
                .stream().filter(letter -> reason == null || letter.reason().contains(reason)).limit(limit).toList()) {
            table.addRow().addContent(letter.id(), letter.receivedAt(), letter.tenant(), letter.adapter(),
                    letter.device() == null ? "-" : letter.device(), letter.payloadSize(), letter.reason());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
