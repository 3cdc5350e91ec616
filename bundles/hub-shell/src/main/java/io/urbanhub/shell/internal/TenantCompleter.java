package io.urbanhub.shell.internal;

import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.admin.Tenant;
import io.urbanhub.api.admin.TenantRegistry;

/** Completes tenant ids: the registered ones and those adapter instances are configured for. */
@Service
public class TenantCompleter implements Completer {

    @Reference
    TenantRegistry tenants;

    @Reference
    AdapterInstances instances;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> ids = new TreeSet<>(tenants.all().stream().map(Tenant::id).toList());
        instances.instances().stream().map(AdapterInstanceStatus::tenant).filter(id -> !id.isEmpty()).forEach(ids::add);
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
