package io.urbanhub.camel.shell.internal;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.util.URISupport;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;

@Service
@Command(scope = "camel", name = "route-list", description = "Lists the routes of all Camel contexts or of one.")
public class RouteListCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Argument(name = "context", description = "Only the routes of this context")
    @Completion(ContextNameCompleter.class)
    String contextName;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        CamelContexts contexts = new CamelContexts(bundleContext);
        List<CamelContext> selected = contextName == null
                ? contexts.all()
                : List.of(contexts.named(contextName)
                        .orElseThrow(() -> new IllegalArgumentException("No Camel context named " + contextName)));
        ShellTable table = new ShellTable();
        table.column("Context");
        table.column("Route");
        table.column("Status");
        table.column("Completed").alignRight();
        table.column("Failed").alignRight();
        table.column("From");
        for (CamelContext context : selected) {
            ManagedCamelContext managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
            for (Route route : context.getRoutes()) {
                ManagedRouteMBean stats = managed == null ? null : managed.getManagedRoute(route.getRouteId());
                table.addRow().addContent(context.getName(), route.getRouteId(),
                        context.getRouteController().getRouteStatus(route.getRouteId()),
                        stats == null ? "-" : stats.getExchangesCompleted(),
                        stats == null ? "-" : stats.getExchangesFailed(),
                        URISupport.sanitizeUri(route.getEndpoint().getEndpointUri()));
            }
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
