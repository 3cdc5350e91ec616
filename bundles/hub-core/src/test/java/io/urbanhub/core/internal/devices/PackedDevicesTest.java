package io.urbanhub.core.internal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.spi.Device;

class PackedDevicesTest {

    private final PackedDevices packing = new PackedDevices();

    @Test
    void aDeviceComesBackAsItWasPacked() {
        Device coldRoom = new Device("a84041000181aaaa", "dragino-lht65",
                new EntityId("IndoorEnvironmentObserved", "musterstadt", "cold-room-3"), new GeoPoint(7.6261347, 51.9606649),
                "Kühlraum 3 – Schlachthof");

        assertEquals(coldRoom, packing.unpack("a84041000181aaaa", packing.pack(coldRoom)));
    }

    @Test
    void aDeviceWithoutPlaceOrNameComesBackWithoutThem() {
        Device well = new Device("70b3d57ed0001ccc", "decentlab-dl-pr26", new EntityId("WaterObserved", "kreis-x", "well:2"),
                null, null);

        Device unpacked = packing.unpack("70b3d57ed0001ccc", packing.pack(well));

        assertNull(unpacked.location());
        assertEquals("", unpacked.name());
        assertEquals(well.entity(), unpacked.entity());
    }

    @Test
    void devicesShareTheirTypeAndTenantNamesAndTakeAboutAHundredBytes() {
        Device first = parkingSpot("70b3d57ed0001bbb", "spot-7");
        Device second = parkingSpot("70b3d57ed0001bbc", "spot-8");

        byte[] packed = packing.pack(second);
        Device one = packing.unpack(first.deviceId(), packing.pack(first));
        Device other = packing.unpack(second.deviceId(), packed);

        assertSame(one.deviceType(), other.deviceType());
        assertSame(one.tenant(), other.tenant());
        assertSame(one.entity().type(), other.entity().type());
        assertTrue(packed.length < 100, packed.length + " bytes");
    }

    private static Device parkingSpot(String deviceId, String localId) {
        return new Device(deviceId, "bosch-tps110", new EntityId("ParkingSpot", "musterstadt", localId), new GeoPoint(7.63, 51.95),
                "Behindertenparkplatz Rathaus");
    }
}
