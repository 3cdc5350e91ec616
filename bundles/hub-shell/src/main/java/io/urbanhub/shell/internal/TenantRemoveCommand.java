package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.TenantRegistry;

@Service
@Command(scope = "hub", name = "tenant-remove", description = "Forgets a municipality's registration; its data stays.")
public class TenantRemoveCommand implements Action {

    @Reference
    TenantRegistry tenants;

    @Argument(index = 0, name = "id", required = true, description = "The tenant's id")
    @Completion(TenantCompleter.class)
    String id;

    @Override
    public Object execute() {
        System.out.println(tenants.remove(id) ? "Tenant " + id + " removed" : "No tenant " + id);
        return null;
    }
}
