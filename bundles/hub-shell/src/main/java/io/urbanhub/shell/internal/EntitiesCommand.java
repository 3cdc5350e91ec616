package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.admin.DataLayerQueries;
import io.urbanhub.api.admin.EntitySummary;

@Service
@Command(scope = "hub", name = "entities", description = "Lists the stored entities by tenant and id, with when each was last observed.")
public class EntitiesCommand implements Action {

    @Reference
    DataLayerQueries queries;

    @Option(name = "--tenant", description = "Only this tenant's")
    @Completion(TenantCompleter.class)
    String tenant;

    @Option(name = "--type", description = "Only entities of this type, e.g. IndoorEnvironmentObserved")
    String type;

    @Option(name = "-n", aliases = "--limit", description = "How many entities")
    int limit = 50;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Entity");
        table.column("Type");
        table.column("Tenant");
        table.column("Last observed");
        for (EntitySummary entity : queries.entities(tenant, type, limit)) {
            table.addRow().addContent(entity.entityId(), entity.entityType(), entity.tenant(), entity.lastObservedAt());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
