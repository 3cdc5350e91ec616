package io.urbanhub.shell.internal;

import java.time.Duration;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;

/**
 * Make-before-break: the new instance runs before the old one stops, so no message is missed; what both
 * receive meanwhile is stored once, as the data layer drops inputs whose message id it has stored.
 */
@Service
@Command(scope = "hub", name = "adapter-swap", description = "Replaces one adapter instance of a tenant by another configured "
        + "for the same tenant: starts <to>, waits until it runs, then stops <from>.")
public class AdapterSwapCommand implements Action {

    private static final String RUNNING = "RUNNING";

    @Reference
    AdapterInstances instances;

    @Argument(index = 0, name = "tenant", required = true, description = "The tenant both instances serve")
    @Completion(TenantCompleter.class)
    String tenant;

    @Argument(index = 1, name = "from", required = true, description = "The instance to replace, e.g. lorawan-chirpstack.musterstadt")
    @Completion(AdapterInstanceCompleter.class)
    String from;

    @Argument(index = 2, name = "to", required = true, description = "The instance that takes over, e.g. lorawan-tts.musterstadt")
    @Completion(AdapterInstanceCompleter.class)
    String to;

    @Option(name = "--timeout", description = "Seconds to wait for <to> to run")
    int timeoutSeconds = 30;

    @Override
    public Object execute() throws InterruptedException {
        if (from.equals(to)) {
            throw new IllegalArgumentException("Not swapped: <from> and <to> are both " + from);
        }
        AdapterInstanceStatus old = requireTenant(find(from));
        AdapterInstanceStatus next = requireTenant(find(to));
        boolean wasStopped = "STOPPED".equals(next.state());
        next = RUNNING.equals(next.state()) ? next : instances.start(to);
        next = awaitRunning(next, Duration.ofSeconds(timeoutSeconds));
        if (!RUNNING.equals(next.state())) {
            if (wasStopped) {
                instances.stop(to);
            }
            throw new IllegalStateException("Not swapped: " + to + " did not run within " + timeoutSeconds + " s ("
                    + next.state() + (next.reason().isEmpty() ? "" : ": " + next.reason()) + "); " + from
                    + " runs on" + (wasStopped ? " and " + to + " is stopped again" : ""));
        }
        System.out.println(InstanceStates.line(next));
        System.out.println(InstanceStates.line(instances.stop(old.name())));
        return null;
    }

    private AdapterInstanceStatus requireTenant(AdapterInstanceStatus status) {
        if (!status.tenant().equals(tenant)) {
            throw new IllegalArgumentException("Not swapped: " + status.name() + " serves "
                    + (status.tenant().isEmpty() ? "no tenant" : "tenant " + status.tenant()) + ", not " + tenant);
        }
        return status;
    }

    private AdapterInstanceStatus find(String name) {
        return instances.instances().stream().filter(status -> status.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not swapped: no adapter instance " + name + " is installed"));
    }

    private AdapterInstanceStatus awaitRunning(AdapterInstanceStatus status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        AdapterInstanceStatus current = status;
        while (!RUNNING.equals(current.state()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            current = find(current.name());
        }
        return current;
    }
}
