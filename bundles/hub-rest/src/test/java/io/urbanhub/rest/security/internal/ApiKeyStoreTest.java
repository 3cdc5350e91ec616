package io.urbanhub.rest.security.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.admin.ApiKey;
import io.urbanhub.api.admin.IssuedApiKey;

class ApiKeyStoreTest {

    private InMemoryConfigurationAdmin configurations;
    private ApiKeyStore store;

    @BeforeEach
    void emptyStore() {
        configurations = new InMemoryConfigurationAdmin();
        store = new ApiKeyStore(configurations.admin);
    }

    @Test
    void anIssuedKeyVerifiesToItsGrant() {
        IssuedApiKey issued = store.issue("demo", AccessLevel.WRITE, Set.of("ParkingSpot", "AirQualityObserved"),
                "parking app");

        ApiKey key = store.verify(issued.secret()).orElseThrow();

        assertEquals(issued.key().id(), key.id());
        assertEquals("demo", key.tenant());
        assertEquals(AccessLevel.WRITE, key.access());
        assertEquals(Set.of("ParkingSpot", "AirQualityObserved"), key.types());
        assertEquals("parking app", key.description());
        assertTrue(issued.secret().startsWith(key.id() + "."), "a key is <id>.<secret>");
    }

    @Test
    void onlyTheHashIsStored() {
        IssuedApiKey issued = store.issue("demo", AccessLevel.READ, Set.of(), "dashboard");
        String secretPart = issued.secret().substring(issued.secret().indexOf('.') + 1);
        assertTrue(secretPart.length() >= 32, "the secret part should carry 256 bits: " + secretPart);

        List<Dictionary<String, Object>> stored = configurations.allStored();
        assertEquals(1, stored.size());
        Dictionary<String, Object> properties = stored.get(0);
        assertEquals(issued.key().id(), properties.get("keyId"));
        assertEquals(sha256Hex(issued.secret()), properties.get("keyHash"));
        for (String name : Collections.list(properties.keys())) {
            String value = text(properties.get(name));
            assertFalse(value.contains(issued.secret()), name + " holds the key");
            assertFalse(value.contains(secretPart), name + " holds the key's secret part");
        }
        // the issued object must not print it into a log either
        assertFalse(issued.toString().contains(secretPart));
    }

    @Test
    void keysOfTheSameTenantAreDistinct() {
        IssuedApiKey first = store.issue("demo", AccessLevel.READ, Set.of(), "a");
        IssuedApiKey second = store.issue("demo", AccessLevel.READ, Set.of(), "b");

        assertFalse(first.key().id().equals(second.key().id()));
        assertEquals("a", store.verify(first.secret()).orElseThrow().description());
        assertEquals("b", store.verify(second.secret()).orElseThrow().description());
    }

    @Test
    void refusesKeysThatDoNotHold() {
        IssuedApiKey issued = store.issue("demo", AccessLevel.READ, Set.of(), "dashboard");
        IssuedApiKey other = store.issue("other", AccessLevel.READ, Set.of(), "another");
        String id = issued.key().id();
        String secretPart = issued.secret().substring(id.length() + 1);

        assertEquals(Optional.empty(), store.verify(id + ".wrong-secret"), "right id, wrong secret");
        assertEquals(Optional.empty(), store.verify(id + "." + secretPart + "x"));
        assertEquals(Optional.empty(), store.verify(other.key().id() + "." + secretPart), "another id, this secret");
        assertEquals(Optional.empty(), store.verify("abcdef123456." + secretPart), "an id nobody has");
        assertEquals(Optional.empty(), store.verify(id + secretPart), "no dot");
        assertEquals(Optional.empty(), store.verify(id), "the id alone");
        assertEquals(Optional.empty(), store.verify(""));
        assertEquals(Optional.empty(), store.verify("."));
        // and the real ones still hold
        assertEquals(id, store.verify(issued.secret()).orElseThrow().id());
    }

    @Test
    void aRevokedKeyNoLongerVerifies() {
        IssuedApiKey issued = store.issue("demo", AccessLevel.ADMIN, Set.of(), "ops");
        IssuedApiKey kept = store.issue("demo", AccessLevel.READ, Set.of(), "kept");

        assertTrue(store.revoke(issued.key().id()));

        assertEquals(Optional.empty(), store.verify(issued.secret()));
        assertTrue(store.verify(kept.secret()).isPresent(), "revoking one key must leave the others");
        assertEquals(List.of(kept.key().id()), store.all().stream().map(ApiKey::id).toList());
        assertEquals(1, configurations.allStored().size(), "the configuration is deleted");
    }

    @Test
    void revokingAnUnknownIdChangesNothing() {
        IssuedApiKey issued = store.issue("demo", AccessLevel.READ, Set.of(), "dashboard");

        assertFalse(store.revoke("abcdef123456"));
        assertTrue(store.verify(issued.secret()).isPresent());
    }

    @Test
    void aHandWrittenConfigurationVerifies() {
        String key = "hand01.not-so-secret-but-fine";
        configurations.write(ApiKeyStore.FACTORY_PID, "hand", Map.of(
                "keyId", "hand01",
                "keyHash", sha256Hex(key),
                "tenant", "demo",
                "access", "read",
                "types", "ParkingSpot, AirQualityObserved"));
        store = new ApiKeyStore(configurations.admin);

        ApiKey verified = store.verify(key).orElseThrow();

        assertEquals("hand01", verified.id());
        assertEquals("demo", verified.tenant());
        assertEquals(AccessLevel.READ, verified.access());
        assertEquals(Set.of("ParkingSpot", "AirQualityObserved"), verified.types());
        assertEquals("", verified.description());
        assertEquals(Instant.EPOCH, verified.created(), "no created: the epoch");
    }

    @Test
    void anUpperCaseHashIsAccepted() {
        String key = "hand02.secret";
        configurations.write(ApiKeyStore.FACTORY_PID, "upper", Map.of("keyId", "hand02",
                "keyHash", sha256Hex(key).toUpperCase(), "tenant", "demo", "access", "WRITE"));
        store = new ApiKeyStore(configurations.admin);

        assertEquals(AccessLevel.WRITE, store.verify(key).orElseThrow().access());
    }

    @Test
    void malformedConfigurationsAreIgnoredWithoutBreakingTheOthers() {
        String good = "good01.secret";
        configurations.write(ApiKeyStore.FACTORY_PID, "good", Map.of("keyId", "good01", "keyHash", sha256Hex(good),
                "tenant", "demo", "access", "read"));
        String shortHash = "bad001.secret";
        configurations.write(ApiKeyStore.FACTORY_PID, "short-hash", Map.of("keyId", "bad001",
                "keyHash", sha256Hex(shortHash).substring(2), "tenant", "demo", "access", "read"));
        String notHex = "bad002.secret";
        configurations.write(ApiKeyStore.FACTORY_PID, "not-hex", Map.of("keyId", "bad002",
                "keyHash", "zz" + sha256Hex(notHex).substring(2), "tenant", "demo", "access", "read"));
        String unknownAccess = "bad003.secret";
        configurations.write(ApiKeyStore.FACTORY_PID, "owner", Map.of("keyId", "bad003",
                "keyHash", sha256Hex(unknownAccess), "tenant", "demo", "access", "owner"));
        String noTenant = "bad004.secret";
        configurations.write(ApiKeyStore.FACTORY_PID, "no-tenant", Map.of("keyId", "bad004",
                "keyHash", sha256Hex(noTenant), "access", "read"));
        String badId = "BAD.secret";
        configurations.write(ApiKeyStore.FACTORY_PID, "bad-id", Map.of("keyId", "BAD",
                "keyHash", sha256Hex(badId), "tenant", "demo", "access", "read"));

        store = new ApiKeyStore(configurations.admin);

        assertTrue(store.verify(good).isPresent());
        for (String ignored : List.of(shortHash, notHex, unknownAccess, noTenant, badId)) {
            assertEquals(Optional.empty(), store.verify(ignored), ignored);
        }
        assertEquals(List.of("good01"), store.all().stream().map(ApiKey::id).toList());
    }

    @Test
    void configurationsOfOtherFactoriesAreNotKeys() {
        String key = "other1.secret";
        configurations.write("io.urbanhub.something.else", "x", Map.of("keyId", "other1",
                "keyHash", sha256Hex(key), "tenant", "demo", "access", "admin"));
        store = new ApiKeyStore(configurations.admin);

        assertEquals(Optional.empty(), store.verify(key));
    }

    @Test
    void allIsSortedByTenant() {
        store.issue("zeta", AccessLevel.READ, Set.of(), "z");
        store.issue("alpha", AccessLevel.READ, Set.of(), "a");
        store.issue("musterstadt", AccessLevel.READ, Set.of(), "m");

        assertEquals(List.of("alpha", "musterstadt", "zeta"), store.all().stream().map(ApiKey::tenant).toList());
    }

    @Test
    void aConfigurationEventOfTheFactoryReloads() {
        String key = "late01.secret";
        String pid = configurations.write(ApiKeyStore.FACTORY_PID, "late", Map.of("keyId", "late01",
                "keyHash", sha256Hex(key), "tenant", "demo", "access", "read"));
        // written behind the store's back: not known until Config Admin tells it
        assertEquals(Optional.empty(), store.verify(key));

        store.configurationEvent(configurations.updated("io.urbanhub.something.else", "io.urbanhub.something.else~x"));
        assertEquals(Optional.empty(), store.verify(key), "another factory's event is no reason to reload");

        store.configurationEvent(configurations.updated(ApiKeyStore.FACTORY_PID, pid));
        assertEquals("late01", store.verify(key).orElseThrow().id());
    }

    @Test
    void issuingForAMalformedTenantIsRefusedAndStoresNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> store.issue("Bad Tenant", AccessLevel.READ, Set.of(), "x"));
        assertTrue(configurations.allStored().isEmpty());
    }

    @Test
    void issuingWithABlankTypeIsRefusedRatherThanOpeningEveryType() {
        // a blank type would be dropped when the key is read back, leaving a key that opens every type
        assertThrows(IllegalArgumentException.class, () -> store.issue("demo", AccessLevel.READ, Set.of(" "), "x"));
        assertTrue(configurations.allStored().isEmpty());
    }

    @Test
    void issuedTypesAreStoredAsAnArray() {
        // Config Admin keeps String[] as a list property that the hand-written comma form must agree with
        IssuedApiKey issued = store.issue("demo", AccessLevel.READ, Set.of("ParkingSpot"), "x");
        Object types = configurations.allStored().get(0).get("types");

        assertNotNull(types);
        assertArrayEquals(new String[] {"ParkingSpot"}, (String[]) types);
        assertEquals(Set.of("ParkingSpot"), new ApiKeyStore(configurations.admin).verify(issued.secret())
                .orElseThrow().types(), "a fresh store reads what another one wrote");
    }

    /** Computed here rather than with the store's own helper, so that both sides are not wrong the same way. */
    private static String sha256Hex(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                text.append(Array.get(value, i)).append(' ');
            }
            return text.toString();
        }
        return String.valueOf(value);
    }
}
