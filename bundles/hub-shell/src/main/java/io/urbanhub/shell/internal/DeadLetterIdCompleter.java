package io.urbanhub.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.urbanhub.api.admin.DataLayerQueries;

/** Completes the ids of the newest dead letters. */
@Service
public class DeadLetterIdCompleter implements Completer {

    private static final int OFFERED = 50;

    @Reference
    DataLayerQueries queries;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter(queries.deadLetters(null, OFFERED).stream()
                .map(letter -> Long.toString(letter.id())).toList());
        return ids.complete(session, commandLine, candidates);
    }
}
