package io.urbanhub.codecs.internal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.urbanhub.codecs.internal.CodecCatalog;
import io.urbanhub.codecs.internal.CodecState;

/** The device types of the loaded codecs. */
@Service
public class DeviceTypeCompleter implements Completer {

    @Reference
    CodecCatalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter loaded = new StringsCompleter();
        catalog.codecs().stream().filter(CodecState::isLoaded).map(CodecState::deviceType).forEach(loaded.getStrings()::add);
        return loaded.complete(session, commandLine, candidates);
    }
}
