package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;

@Service
@Command(scope = "hub", name = "adapter-restart", description = "Stops an adapter instance gracefully and starts it again.")
public class AdapterRestartCommand extends AdapterLifecycleCommand {

    @Override
    AdapterInstanceStatus apply(AdapterInstances instances, String instance) {
        return instances.restart(instance);
    }
}
