package io.urbanhub.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;

/** Completes the ids of the registered devices. */
@Service
public class DeviceIdCompleter implements Completer {

    @Reference
    DeviceRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter(registry.all().stream().map(Device::deviceId).toList());
        return ids.complete(session, commandLine, candidates);
    }
}
