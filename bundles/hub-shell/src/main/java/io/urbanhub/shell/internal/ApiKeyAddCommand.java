package io.urbanhub.shell.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.admin.ApiKeys;
import io.urbanhub.api.admin.IssuedApiKey;

@Service
@Command(scope = "hub", name = "apikey-add",
        description = "Issues an API key that opens one tenant's data to an app; the key is shown this once.")
public class ApiKeyAddCommand implements Action {

    @Reference
    ApiKeys keys;

    @Argument(index = 0, name = "tenant", required = true, description = "The tenant the key opens")
    @Completion(TenantCompleter.class)
    String tenant;

    @Option(name = "--access", description = "read (query), write (also subscriptions) or admin")
    @Completion(value = StringsCompleter.class, values = {"read", "write", "admin"})
    String access = "read";

    @Option(name = "--types", description = "Comma-separated entity types the key opens; default: all of the tenant's")
    String types = "";

    @Option(name = "--description", description = "Whose key it is, e.g. the app that uses it")
    String description = "";

    @Override
    public Object execute() {
        IssuedApiKey issued;
        try {
            Set<String> typeSet = Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .collect(Collectors.toSet());
            issued = keys.issue(tenant, AccessLevel.parse(access), typeSet, description);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not issued: " + e.getMessage(), e);
        }
        System.out.println("API key " + issued.key().id() + " for " + issued.key().tenant() + " (" + issued.key().access()
                + ", " + (issued.key().types().isEmpty() ? "all types" : String.join(",", issued.key().types())) + "):");
        System.out.println(issued.secret());
        System.out.println("Send it as the X-API-Key header. Keep it now: the hub keeps only its hash.");
        return null;
    }
}
