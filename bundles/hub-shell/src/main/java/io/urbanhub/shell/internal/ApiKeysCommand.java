package io.urbanhub.shell.internal;

import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.admin.ApiKey;
import io.urbanhub.api.admin.ApiKeys;

@Service
@Command(scope = "hub", name = "apikeys", description = "Lists the API keys by id and grant; the keys themselves are not kept.")
public class ApiKeysCommand implements Action {

    @Reference
    ApiKeys keys;

    @Option(name = "--tenant", description = "Only the keys of this tenant")
    @Completion(TenantCompleter.class)
    String tenant;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Tenant");
        table.column("Access");
        table.column("Types");
        table.column("Description");
        table.column("Created");
        for (ApiKey key : keys.all()) {
            if (tenant == null || tenant.equals(key.tenant())) {
                table.addRow().addContent(key.id(), key.tenant(), key.access(),
                        key.types().isEmpty() ? "all" : String.join(",", new TreeSet<>(key.types())),
                        key.description(), key.created());
            }
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
