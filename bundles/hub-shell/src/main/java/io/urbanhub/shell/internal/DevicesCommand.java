package io.urbanhub.shell.internal;

import java.util.Comparator;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;

@Service
@Command(scope = "hub", name = "devices", description = "Lists the registered field devices.")
public class DevicesCommand implements Action {

    @Reference
    DeviceRegistry registry;

    @Option(name = "--tenant", description = "Only this tenant's")
    @Completion(TenantCompleter.class)
    String tenant;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Device");
        table.column("Type");
        table.column("Tenant");
        table.column("Entity");
        table.column("Location");
        table.column("Name");
        registry.all().stream().filter(device -> tenant == null || device.tenant().equals(tenant))
                .sorted(Comparator.comparing(Device::tenant).thenComparing(Device::deviceId))
                .forEach(device -> table.addRow().addContent(device.deviceId(), device.deviceType(), device.tenant(),
                        device.entity().urn(), device.location() == null ? "-"
                                : device.location().longitude() + "," + device.location().latitude(), device.name()));
        table.print(System.out, !noFormat);
        return null;
    }
}
