package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.Tenant;
import io.urbanhub.api.admin.TenantRegistry;

@Service
@Command(scope = "hub", name = "tenant-add", description = "Registers a municipality, or changes the registered one with its id.")
public class TenantAddCommand implements Action {

    @Reference
    TenantRegistry tenants;

    @Argument(index = 0, name = "id", required = true, description = "Short lower-case name, e.g. musterstadt")
    String id;

    @Argument(index = 1, name = "name", required = true, description = "Official name, e.g. \"Stadt Musterstadt\"")
    String name;

    @Option(name = "--ags", description = "Amtlicher Gemeindeschlüssel, 8 digits (Regionalschlüssel: 12)")
    String ags = "";

    @Option(name = "--contact", description = "Who answers for its data, e.g. an e-mail address")
    String contact = "";

    @Override
    public Object execute() {
        Tenant tenant;
        try {
            tenant = new Tenant(id, name, ags, contact);
        } catch (IllegalArgumentException e) {
            // thrown, so that a script over SSH sees the command fail
            throw new IllegalArgumentException("Not registered: " + e.getMessage(), e);
        }
        tenants.put(tenant);
        System.out.println("Tenant " + tenant.id() + " registered: " + tenant.name());
        return null;
    }
}
