package io.urbanhub.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.DeviceAdmin;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.spi.Device;

@Service
@Command(scope = "hub", name = "device-add",
        description = "Registers a device, or changes the registered one with its id; takes effect with its next uplink.")
public class DeviceAddCommand implements Action {

    @Reference
    DeviceAdmin registry;

    @Argument(index = 0, name = "deviceId", required = true, description = "The id in the external system, e.g. the DevEUI")
    String deviceId;

    @Argument(index = 1, name = "deviceType", required = true, description = "The decoder, e.g. dragino-lht65")
    String deviceType;

    @Argument(index = 2, name = "tenant", required = true, description = "The municipality it belongs to")
    @Completion(TenantCompleter.class)
    String tenant;

    @Argument(index = 3, name = "entityType", required = true, description = "Smart Data Model type, e.g. IndoorEnvironmentObserved")
    String entityType;

    @Argument(index = 4, name = "localId", required = true, description = "The entity's name within tenant and type, e.g. cold-room-1")
    String localId;

    @Option(name = "--longitude", description = "WGS 84 longitude of where it is installed")
    Double longitude;

    @Option(name = "--latitude", description = "WGS 84 latitude of where it is installed")
    Double latitude;

    @Option(name = "--name", description = "A name people know it by")
    String name = "";

    @Override
    public Object execute() {
        if ((longitude == null) != (latitude == null)) {
            throw new IllegalArgumentException("Not registered: give both --longitude and --latitude, or neither");
        }
        Device device = new Device(deviceId.toLowerCase(Locale.ROOT), deviceType, new EntityId(entityType, tenant, localId),
                longitude == null ? null : new GeoPoint(longitude, latitude), name);
        registry.put(device);
        System.out.println("Device " + device.deviceId() + " registered: " + device.entity().urn());
        return null;
    }
}
