package io.urbanhub.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.admin.DataLayerQueries;
import io.urbanhub.api.admin.DeadLetter;

@Service
@Command(scope = "hub", name = "deadletter-replay", description = "Hands dead letters back to the adapter that received "
        + "them, e.g. after the unknown device is registered; each is stored now or kept again with its new reason. "
        + "Name them by id, or take --all (narrowed by --reason and --tenant).")
public class DeadLetterReplayCommand implements Action {

    /** How many of the newest dead letters --all looks at. */
    private static final int SEARCHED = 10_000;

    @Reference
    DataLayerQueries queries;

    @Reference
    AdapterInstances adapters;

    @Argument(index = 0, name = "ids", multiValued = true, description = "Ids from hub:deadletters")
    @Completion(DeadLetterIdCompleter.class)
    List<Long> ids;

    @Option(name = "--all", description = "All dead letters (the newest " + SEARCHED + "), or those --reason and --tenant select")
    boolean all;

    @Option(name = "--reason", description = "With --all: only those whose reason contains this, e.g. \"unknown device\"")
    String reason;

    @Option(name = "--tenant", description = "With --all: only this tenant's")
    @Completion(TenantCompleter.class)
    String tenant;

    @Override
    public Object execute() {
        if (all == (ids != null && !ids.isEmpty())) {
            throw new IllegalArgumentException("Name dead letters by id, or take --all, not both or neither");
        }
        if (!all && (reason != null || tenant != null)) {
            throw new IllegalArgumentException("--reason and --tenant go with --all");
        }
        List<DeadLetter> letters = all
                ? queries.deadLetters(tenant, SEARCHED).stream().filter(l -> reason == null || l.reason().contains(reason)).toList()
                : ids.stream().map(id -> queries.deadLetter(id).orElse(null)).toList();
        for (int i = 0; i < letters.size(); i++) {
            DeadLetter letter = letters.get(i);
            System.out.println(letter == null ? ids.get(i) + ": no such dead letter" : letter.id() + ": " + replay(letter));
        }
        if (all) {
            System.out.println(letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s") + " handled");
        }
        return null;
    }

    private String replay(DeadLetter letter) {
        if (letter.payload().length < letter.payloadSize()) {
            return "only the first " + letter.payload().length + " of " + letter.payloadSize() + " bytes are kept: not replayed";
        }
        try {
            adapters.replay(letter.adapter(), letter.payload());
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        // the adapter has stored it or kept it again under a new id
        queries.removeDeadLetter(letter.id());
        return "replayed through " + letter.adapter();
    }
}
