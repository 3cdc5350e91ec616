package io.urbanhub.core.internal.devices;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.spi.Device;

/**
 * Registered devices packed into one byte array each, a hundred bytes or so instead of five objects and three strings:
 * a registry of a million devices fits the shipped heap. A county's devices share a handful of device types, tenants and
 * entity types, so those are numbers into a table of names; local id and name are UTF-8, the place two doubles.
 */
final class PackedDevices {

    private static final byte NO_LOCATION = 0;
    private static final byte LOCATION = 1;

    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private volatile List<String> names = List.of();

    /** The device without its id, which the registry keeps as the key; a {@code null} name packs as empty. */
    byte[] pack(Device device) {
        EntityId entity = device.entity();
        byte[] localId = entity.localId().getBytes(StandardCharsets.UTF_8);
        byte[] name = (device.name() == null ? "" : device.name()).getBytes(StandardCharsets.UTF_8);
        ByteBuffer packed = ByteBuffer.allocate(3 * Integer.BYTES + 1 + (device.location() == null ? 0 : 2 * Double.BYTES)
                + Integer.BYTES + localId.length + Integer.BYTES + name.length);
        packed.putInt(number(device.deviceType())).putInt(number(entity.tenant())).putInt(number(entity.type()));
        if (device.location() == null) {
            packed.put(NO_LOCATION);
        } else {
            packed.put(LOCATION).putDouble(device.location().longitude()).putDouble(device.location().latitude());
        }
        packed.putInt(localId.length).put(localId).putInt(name.length).put(name);
        return packed.array();
    }

    Device unpack(String deviceId, byte[] bytes) {
        ByteBuffer packed = ByteBuffer.wrap(bytes);
        List<String> known = names;
        String deviceType = known.get(packed.getInt());
        String tenant = known.get(packed.getInt());
        String entityType = known.get(packed.getInt());
        GeoPoint location = packed.get() == LOCATION ? new GeoPoint(packed.getDouble(), packed.getDouble()) : null;
        String localId = text(packed);
        String name = text(packed);
        return new Device(deviceId, deviceType, new EntityId(entityType, tenant, localId), location, name);
    }

    private static String text(ByteBuffer packed) {
        int length = packed.getInt();
        String text = new String(packed.array(), packed.position(), length, StandardCharsets.UTF_8);
        packed.position(packed.position() + length);
        return text;
    }

    private int number(String name) {
        Integer known = numbers.get(name);
        return known != null ? known : added(name);
    }

    // the table only grows: a name stays valid for every array packed with it
    private synchronized int added(String name) {
        Integer known = numbers.get(name);
        if (known != null) {
            return known;
        }
        List<String> grown = new ArrayList<>(names);
        grown.add(name);
        names = List.copyOf(grown);
        numbers.put(name, grown.size() - 1);
        return grown.size() - 1;
    }
}
