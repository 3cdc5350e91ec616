package io.urbanhub.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;

/** Completes the names of the adapter instances, e.g. {@code mqtt-heartbeat.demo}. */
@Service
public class AdapterInstanceCompleter implements Completer {

    @Reference
    AdapterInstances instances;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter(instances.instances().stream().map(AdapterInstanceStatus::name).toList());
        return names.complete(session, commandLine, candidates);
    }
}
