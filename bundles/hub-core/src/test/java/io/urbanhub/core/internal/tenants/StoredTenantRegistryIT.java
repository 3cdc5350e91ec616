package io.urbanhub.core.internal.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.urbanhub.api.admin.Tenant;
import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.core.internal.store.JdbcStore;

/** The tenant registry kept in the store, on H2 and on a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredTenantRegistryIT {

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
    void tenantsAreRegisteredChangedAndRemoved(DataSource database) throws Exception {
        JdbcStore.open(database, Duration.ofHours(24));
        StoredTenantRegistry registry = new StoredTenantRegistry(database, null);
        String id = "m" + UUID.randomUUID().toString().substring(0, 8);

        registry.put(new Tenant(id, "Stadt Musterstadt", "05515000", "opendata@musterstadt.example"));
        registry.put(new Tenant(id, "Stadt Musterstadt (Westf.)", "05515000", "opendata@musterstadt.example"));

        Tenant stored = registry.find(id).orElseThrow();
        assertEquals("Stadt Musterstadt (Westf.)", stored.name());
        assertEquals("05515000", stored.ags());
        assertEquals(1, registry.all().stream().filter(tenant -> tenant.id().equals(id)).count());
        assertTrue(registry.remove(id));
        assertFalse(registry.remove(id));
        assertTrue(registry.find(id).isEmpty());
    }

    @Test
    void aTenantIsCheckedBeforeItIsStored() {
        assertThrows(IllegalArgumentException.class, () -> new Tenant("Muster Stadt", "Stadt", "", ""));
        assertThrows(IllegalArgumentException.class, () -> new Tenant("musterstadt", " ", "", ""));
        IllegalArgumentException ags = assertThrows(IllegalArgumentException.class,
                () -> new Tenant("musterstadt", "Stadt Musterstadt", "0551500", ""));
        assertTrue(ags.getMessage().contains("8 digits"), ags.getMessage());
    }
}
