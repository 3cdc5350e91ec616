package io.urbanhub.core.internal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.spi.Device;

class DeviceCsvTest {

    @Test
    void loadsGoodRowsAndNamesTheLineOfEachBadOne() throws Exception {
        String csv = String.join("\n",
                "deviceId,deviceType,tenant,entityType,localId,longitude,latitude,name",
                "# cold rooms of the municipal canteen",
                "A840410001811234,dragino-lht65,musterstadt,IndoorEnvironmentObserved,cold-room-1,7.6261,51.9607,Kühlraum 1",
                "a840410001815678,dragino-lht65,Muster Stadt,IndoorEnvironmentObserved,cold-room-2,,,",
                "a84041000181abcd,dragino-lht65,musterstadt,IndoorEnvironmentObserved,cold-room-3,,,",
                "");
        List<Device> devices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        DeviceCsv.read(new StringReader(csv), devices::add, problems::add);

        assertEquals(2, devices.size());
        Device first = devices.get(0);
        assertEquals("a840410001811234", first.deviceId());
        assertEquals("urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-1", first.entity().urn());
        assertEquals(new GeoPoint(7.6261, 51.9607), first.location());
        assertEquals("Kühlraum 1", first.name());
        assertNull(devices.get(1).location());
        assertEquals(List.of("line 4: Tenant 'Muster Stadt' must be 1-63 lower-case letters, digits or dashes"), problems);
    }
}
