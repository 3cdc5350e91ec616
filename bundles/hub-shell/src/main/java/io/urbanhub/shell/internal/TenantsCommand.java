package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.admin.Tenant;
import io.urbanhub.api.admin.TenantRegistry;

@Service
@Command(scope = "hub", name = "tenants", description = "Lists the municipalities the hub serves.")
public class TenantsCommand implements Action {

    @Reference
    TenantRegistry tenants;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Tenant");
        table.column("Name");
        table.column("AGS");
        table.column("Contact");
        for (Tenant tenant : tenants.all()) {
            table.addRow().addContent(tenant.id(), tenant.name(), tenant.ags(), tenant.contact());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
