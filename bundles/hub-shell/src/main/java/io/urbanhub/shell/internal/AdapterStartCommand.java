package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;

@Service
@Command(scope = "hub", name = "adapter-start", description = "Starts an adapter instance an admin stopped, "
        + "or tries a waiting or failed one again.")
public class AdapterStartCommand extends AdapterLifecycleCommand {

    @Override
    AdapterInstanceStatus apply(AdapterInstances instances, String instance) {
        return instances.start(instance);
    }
}
