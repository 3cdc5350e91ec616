package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.admin.DataLayerQueries;
import io.urbanhub.api.admin.DeadLetter;

@Service
@Command(scope = "hub", name = "deadletter-show", description = "Shows one dead letter: why, from where, and its payload "
        + "as text, or as hex when it is not readable text.")
public class DeadLetterShowCommand implements Action {

    @Reference
    DataLayerQueries queries;

    @Argument(index = 0, name = "id", required = true, description = "An id from hub:deadletters")
    @Completion(DeadLetterIdCompleter.class)
    long id;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        DeadLetter letter = queries.deadLetter(id)
                .orElseThrow(() -> new IllegalArgumentException("No dead letter " + id));
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value");
        table.addRow().addContent("Id", letter.id());
        table.addRow().addContent("Reason", letter.reason());
        table.addRow().addContent("Tenant", letter.tenant());
        table.addRow().addContent("Adapter", letter.adapter());
        table.addRow().addContent("System", letter.system() == null ? "-" : letter.system());
        table.addRow().addContent("Device", letter.device() == null ? "-" : letter.device());
        table.addRow().addContent("Received", letter.receivedAt());
        table.addRow().addContent("Bytes", letter.payloadSize() + (letter.payload().length < letter.payloadSize()
                ? " (first " + letter.payload().length + " kept)" : ""));
        table.addRow().addContent("Payload", PayloadText.show(letter.payload()));
        table.print(System.out, !noFormat);
        return null;
    }
}
