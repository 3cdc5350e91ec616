package io.urbanhub.core.internal.devices;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;

/**
 * One device held and looked up as the hub's registry holds it: packed, unpacked on every lookup. It shares the
 * package-private packing's package, which works only because the benchmarks run on the class path.
 */
public final class PackedRegistry implements DeviceRegistry {

    private final PackedDevices packing = new PackedDevices();
    private final String deviceId;
    private final byte[] packed;

    public PackedRegistry(Device device) {
        this.deviceId = device.deviceId();
        this.packed = packing.pack(device);
    }

    @Override
    public Optional<Device> find(String id) {
        String lowerCase = id.toLowerCase(Locale.ROOT);
        return lowerCase.equals(deviceId) ? Optional.of(packing.unpack(deviceId, packed)) : Optional.empty();
    }

    @Override
    public Collection<Device> all() {
        return List.of(packing.unpack(deviceId, packed));
    }
}
