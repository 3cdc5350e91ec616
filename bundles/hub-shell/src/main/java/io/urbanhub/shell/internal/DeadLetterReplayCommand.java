package io.urbanhub.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.admin.DataLayerQueries;
import io.urbanhub.api.admin.DeadLetter;

@Service
@Command(scope = "hub", name = "deadletter-replay", description = "Hands dead letters back to the adapter that received "
        + "them, e.g. after the unknown device is registered; each is stored now or kept again with its new reason.")
public class DeadLetterReplayCommand implements Action {

    @Reference
    DataLayerQueries queries;

    @Reference
    AdapterInstances adapters;

    @Argument(index = 0, name = "ids", required = true, multiValued = true, description = "Ids from hub:deadletters")
    List<Long> ids;

    @Override
    public Object execute() {
        for (long id : ids) {
            System.out.println(id + ": " + replay(id));
        }
        return null;
    }

    private String replay(long id) {
        DeadLetter letter = queries.deadLetter(id).orElse(null);
        if (letter == null) {
            return "no such dead letter";
        }
        if (letter.payload().length < letter.payloadSize()) {
            return "only the first " + letter.payload().length + " of " + letter.payloadSize() + " bytes are kept: not replayed";
        }
        try {
            adapters.replay(letter.adapter(), letter.payload());
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        // the adapter has stored it or kept it again under a new id
        queries.removeDeadLetter(id);
        return "replayed through " + letter.adapter();
    }
}
