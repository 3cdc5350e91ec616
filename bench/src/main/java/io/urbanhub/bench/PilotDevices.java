package io.urbanhub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Devices of the pilots behind the hub, each with a payload vector of the TTN device repository (MIT licence, as in
 * hub-decoders' test resources): cold-storage temperature, groundwater level, air quality, disabled parking, water
 * consumption, pump stations.
 */
public final class PilotDevices {

    /** A device type of a pilot: its decoder, the entity it feeds, its port and a payload it sends. */
    public record PilotType(String deviceType, String entityType, int port, byte[] payload) {
    }

    public static final List<PilotType> TYPES = List.of(
            new PilotType("dragino-lht65", "IndoorEnvironmentObserved", 2,
                    bytes(0xCB, 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x01, 0x0A, 0xDD, 0x7F, 0xFF)),
            // the repository's example completed to the vendor's 8-byte frame, as in hub-decoders' tests
            new PilotType("dragino-ldds75", "WaterObserved", 2, bytes(0x0E, 0x1C, 0x0B, 0x05, 0x00, 0x00, 0x00, 0x01)),
            new PilotType("decentlab-dl-lp8p", "AirQualityObserved", 1,
                    bytes(0x02, 0x05, 0x78, 0x00, 0x0b, 0x67, 0xbd, 0x61, 0x8d, 0x1c, 0xed, 0xbd, 0x10, 0x0c, 0x25)),
            new PilotType("bosch-tps110", "ParkingSpot", 2, bytes(1, 255)),
            new PilotType("b-meters-iwm-lr3", "WaterConsumptionObserved", 1,
                    // the repository's digits as BCD with VIF 0x13 (litres), as in hub-decoders' tests
                    bytes(0x44, 0x74, 0x20, 0x01, 0x00, 0x34, 0x01, 0x00, 0x00, 0x00, 0x00, 0x13, 0x02)),
            new PilotType("dragino-lt22222-l", "Device", 2,
                    bytes(0x04, 0xAB, 0x04, 0xAC, 0x13, 0x10, 0x13, 0x00, 0xAA, 0xFF, 0x01)));

    /** One registered device: its EUI and pilot type. */
    record Device(String devEui, PilotType type) {
    }

    private PilotDevices() {
    }

    /** {@code count} devices, the pilot types taking turns. */
    static List<Device> devices(int count, int tenantNumber) {
        List<Device> devices = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            devices.add(new Device(String.format(Locale.ROOT, "a8%02x%012x", tenantNumber % 256, n),
                    TYPES.get(n % TYPES.size())));
        }
        return devices;
    }

    /** The devices as {@code hub:device-import} and {@code etc/urbanhub/devices.csv} take them. */
    static List<String> csv(List<Device> devices, String tenant) {
        List<String> lines = new ArrayList<>(devices.size() + 1);
        lines.add("deviceId,deviceType,tenant,entityType,localId,longitude,latitude,name");
        for (Device device : devices) {
            lines.add(String.join(",", device.devEui(), device.type().deviceType(), tenant, device.type().entityType(),
                    "bench-" + device.devEui(), "7.6", "51.9", "bench device"));
        }
        return lines;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
