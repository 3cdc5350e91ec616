package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.ApiKeys;

@Service
@Command(scope = "hub", name = "apikey-remove", description = "Revokes an API key: it is refused from the next request on.")
public class ApiKeyRemoveCommand implements Action {

    @Reference
    ApiKeys keys;

    @Argument(index = 0, name = "id", required = true, description = "The key's id, as hub:apikeys lists it")
    @Completion(ApiKeyIdCompleter.class)
    String id;

    @Override
    public Object execute() {
        if (!keys.revoke(id)) {
            throw new IllegalArgumentException("No API key " + id);
        }
        System.out.println("API key " + id + " revoked");
        return null;
    }
}
