package io.urbanhub.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.urbanhub.api.admin.ApiKey;
import io.urbanhub.api.admin.ApiKeys;

/** Completes the ids of the API keys. */
@Service
public class ApiKeyIdCompleter implements Completer {

    @Reference
    ApiKeys keys;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(keys.all().stream().map(ApiKey::id).toList()).complete(session, commandLine, candidates);
    }
}
