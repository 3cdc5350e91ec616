package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.admin.DataLayerQueries;
import io.urbanhub.api.admin.StoredObservation;

@Service
@Command(scope = "hub", name = "observations", description = "Shows the newest stored values, newest first.")
public class ObservationsCommand implements Action {

    @Reference
    DataLayerQueries queries;

    @Option(name = "--tenant", description = "Only this tenant's")
    @Completion(TenantCompleter.class)
    String tenant;

    @Option(name = "--entity", description = "Only this entity's (its urn:ngsi-ld:... id)")
    String entity;

    @Option(name = "-n", aliases = "--limit", description = "How many values")
    int limit = 20;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Observed at");
        table.column("Entity");
        table.column("Attribute");
        table.column("Value").alignRight();
        table.column("Unit");
        table.column("Adapter");
        for (StoredObservation observation : queries.latestObservations(tenant, entity, limit)) {
            table.addRow().addContent(observation.observedAt(), observation.entityId(), observation.attribute(),
                    observation.value(), observation.unitCode() == null ? "" : observation.unitCode(), observation.adapter());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
