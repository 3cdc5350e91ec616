package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;

/** What hub:adapter-stop, -start and -restart share: one instance by name, and its state afterwards. */
abstract class AdapterLifecycleCommand implements Action {

    @Reference
    AdapterInstances instances;

    @Argument(index = 0, name = "instance", required = true, description = "The instance, e.g. mqtt-heartbeat.demo")
    @Completion(AdapterInstanceCompleter.class)
    String instance;

    abstract AdapterInstanceStatus apply(AdapterInstances instances, String instance);

    @Override
    public Object execute() {
        System.out.println(InstanceStates.line(apply(instances, instance)));
        return null;
    }
}
