package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.DeviceAdmin;

@Service
@Command(scope = "hub", name = "device-remove", description = "Removes a device; its uplinks become dead letters (unknown device).")
public class DeviceRemoveCommand implements Action {

    @Reference
    DeviceAdmin registry;

    @Argument(index = 0, name = "deviceId", required = true, description = "The device's id, e.g. the DevEUI")
    @Completion(DeviceIdCompleter.class)
    String deviceId;

    @Override
    public Object execute() {
        System.out.println(registry.remove(deviceId) ? "Device " + deviceId + " removed" : "No device " + deviceId);
        return null;
    }
}
