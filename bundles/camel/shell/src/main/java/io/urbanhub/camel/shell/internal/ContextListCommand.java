package io.urbanhub.camel.shell.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.util.TimeUtils;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;

@Service
@Command(scope = "camel", name = "context-list", description = "Lists the Camel contexts and how many of their routes run.")
public class ContextListCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Context");
        table.column("Status");
        table.column("Uptime");
        table.column("Routes started");
        table.column("Routes");
        for (CamelContext context : new CamelContexts(bundleContext).all()) {
            long started = context.getRoutes().stream()
                    .filter(route -> context.getRouteController().getRouteStatus(route.getRouteId()).isStarted())
                    .count();
            table.addRow().addContent(context.getName(), context.getStatus(),
                    TimeUtils.printDuration(context.getUptime(), false),
                    started, context.getRoutesSize());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
