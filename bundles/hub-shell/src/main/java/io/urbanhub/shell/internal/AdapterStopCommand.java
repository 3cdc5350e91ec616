package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;

@Service
@Command(scope = "hub", name = "adapter-stop", description = "Stops an adapter instance gracefully: messages in flight finish. "
        + "It stays stopped until hub:adapter-start; a restart of the hub starts it again.")
public class AdapterStopCommand extends AdapterLifecycleCommand {

    @Override
    AdapterInstanceStatus apply(AdapterInstances instances, String instance) {
        return instances.stop(instance);
    }
}
