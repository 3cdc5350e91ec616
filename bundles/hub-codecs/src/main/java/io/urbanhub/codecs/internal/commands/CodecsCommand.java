package io.urbanhub.codecs.internal.commands;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.codecs.internal.CodecCatalog;
import io.urbanhub.codecs.internal.CodecState;

@Service
@Command(scope = "hub", name = "codecs", description = "Lists the JavaScript codecs of the codec folder, loaded or not and why.")
public class CodecsCommand implements Action {

    @Reference
    CodecCatalog catalog;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Device type");
        table.column("File");
        table.column("Mapping");
        table.column("State");
        table.column("Reason");
        for (CodecState codec : catalog.codecs()) {
            table.addRow().addContent(codec.deviceType(), codec.codecFile(), codec.mappingFile() == null ? "-" : codec.mappingFile(),
                    codec.isLoaded() ? "LOADED" : "FAILED", codec.isLoaded() ? "" : codec.reason());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
