package io.urbanhub.core.internal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.urbanhub.api.admin.DeviceAdmin;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.spi.Device;
import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.core.internal.store.JdbcStore;

/** The device registry kept in the store, on H2 and on a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredDeviceRegistryIT {

    private BothDatabases databases;

    @BeforeAll
    void start() {
        databases = new BothDatabases();
    }

    @AfterAll
    void stop() {
        databases.close();
    }

    Stream<DataSource> databases() {
        return databases.fresh();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void devicesAddedImportedAndRemovedAtRunTimeOutliveARestart(DataSource database) throws Exception {
        JdbcStore.open(database, Duration.ofHours(24));
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        StoredDeviceRegistry registry = new StoredDeviceRegistry(database);
        try {
            registry.put(new Device("A84041000181AAAA", "dragino-lht65", new EntityId("IndoorEnvironmentObserved", tenant, "cold-room-1"),
                    new GeoPoint(7.62, 51.96), "Kühlraum 1"));
            DeviceAdmin.ImportResult imported = registry.importCsv(new StringReader(String.join("\n",
                    "deviceId,deviceType,tenant,entityType,localId,longitude,latitude,name",
                    "70b3d57ed0001bbb,bosch-tps110," + tenant + ",ParkingSpot,spot-7,7.63,51.95,Behindertenparkplatz 7",
                    "70b3d57ed0001ccc,decentlab-dl-pr26," + tenant + ",WaterObserved,well-2,,,Brunnen 2",
                    "70b3d57ed0001ddd,bosch-tps110,Bad Town,ParkingSpot,spot-8,,,",
                    "70b3d57ed0001bbb,bosch-tps110," + tenant + ",ParkingSpot,spot-9,,,twice", "")));

            assertEquals(2, imported.imported());
            assertEquals(2, imported.problems().size(), imported.problems().toString());
            assertTrue(imported.problems().get(0).startsWith("line 4"), imported.problems().toString());
            assertTrue(imported.problems().get(1).contains("listed twice"), imported.problems().toString());
            assertEquals("spot-7", registry.find("70B3D57ED0001BBB").orElseThrow().entity().localId());
            assertTrue(registry.remove("70b3d57ed0001ccc"));
            assertFalse(registry.remove("70b3d57ed0001ccc"));
        } finally {
            registry.deactivate();
        }

        StoredDeviceRegistry restarted = new StoredDeviceRegistry(database);
        try {
            Device coldRoom = restarted.find("a84041000181aaaa").orElseThrow();
            assertEquals(new GeoPoint(7.62, 51.96), coldRoom.location());
            assertEquals("Kühlraum 1", coldRoom.name());
            assertEquals(tenant, coldRoom.tenant());
            assertTrue(restarted.find("70b3d57ed0001bbb").isPresent());
            assertTrue(restarted.find("70b3d57ed0001ccc").isEmpty());
            assertEquals(2, restarted.all().stream().filter(device -> device.tenant().equals(tenant)).count());
        } finally {
            restarted.deactivate();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLargeFileIsSavedOnceAndReadBackWithItsNamesShared(DataSource database) throws Exception {
        JdbcStore.open(database, Duration.ofHours(24));
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("deviceId,deviceType,tenant,entityType,localId,longitude,latitude,name\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append(String.format("a84041%010x,dragino-lht65,%s,IndoorEnvironmentObserved,room-%d,7.6,51.9,Raum %d%n",
                    i, tenant, i, i));
        }
        StoredDeviceRegistry registry = new StoredDeviceRegistry(database);
        try {
            assertEquals(2_500, registry.importCsv(new StringReader(csv.toString())).imported());
            Timestamp firstSave = lastSave(database);
            Thread.sleep(5);

            assertEquals(2_500, registry.importCsv(new StringReader(csv.toString())).imported());
            assertEquals(firstSave, lastSave(database), "an unchanged file writes nothing");
        } finally {
            registry.deactivate();
        }

        StoredDeviceRegistry restarted = new StoredDeviceRegistry(database);
        try {
            Device first = restarted.find("a840410000000000").orElseThrow();
            Device last = restarted.find("a8404100000009c3").orElseThrow();
            assertEquals("room-2499", last.entity().localId());
            assertEquals("Raum 2499", last.name());
            assertSame(first.tenant(), last.tenant());
            assertSame(first.deviceType(), last.deviceType());
            assertSame(first.entity().type(), last.entity().type());
            assertEquals(2_500, restarted.all().stream().filter(device -> device.tenant().equals(tenant)).count());
        } finally {
            restarted.deactivate();
        }
    }

    private static Timestamp lastSave(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT MAX(saved_at) FROM hub_device")) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }
}
