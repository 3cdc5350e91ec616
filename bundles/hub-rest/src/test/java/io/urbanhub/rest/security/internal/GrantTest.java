package io.urbanhub.rest.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.urbanhub.api.admin.AccessLevel;

class GrantTest {

    @Test
    void parsesTenantAndLevel() {
        Grant grant = Grant.parse("demo:read");

        assertEquals(new Grant("demo", AccessLevel.READ, Set.of()), grant);
        assertTrue(grant.types().isEmpty(), "no types named: all of them");
    }

    @Test
    void parsesTypes() {
        Grant grant = Grant.parse("demo:write:ParkingSpot,AirQualityObserved");

        assertEquals("demo", grant.tenant());
        assertEquals(AccessLevel.WRITE, grant.level());
        assertEquals(Set.of("ParkingSpot", "AirQualityObserved"), grant.types());
    }

    @Test
    void parsesAnyTenant() {
        Grant grant = Grant.parse("*:admin");

        assertEquals(Grant.ANY_TENANT, grant.tenant());
        assertEquals(AccessLevel.ADMIN, grant.level());
        assertTrue(grant.covers("demo", AccessLevel.ADMIN));
        assertTrue(grant.covers("other-town", AccessLevel.READ));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "demo:owner", "Bad Tenant:read", "", ":read"})
    void refusesMalformedGrants(String text) {
        // a token's roles claim relies on this to skip an identity provider's own roles
        assertThrows(IllegalArgumentException.class, () -> Grant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo:read:", "demo:read:,", "demo:read: , "})
    void refusesAnEmptyTypeListRatherThanOpeningEveryType(String text) {
        // the format is tenant:level[:Type,…]; a third part without a type is a mistake, and taking it as
        // "all types" fails open, e.g. for a roles claim a template in the identity provider filled with nothing
        assertThrows(IllegalArgumentException.class, () -> Grant.parse(text));
    }

    @Test
    void aGrantCoversItsTenantOnly() {
        Grant grant = Grant.parse("demo:write");

        assertTrue(grant.covers("demo", AccessLevel.WRITE));
        assertFalse(grant.covers("other", AccessLevel.READ));
    }

    @Test
    void higherLevelsIncludeLowerOnes() {
        Caller admin = caller("demo:admin");
        Caller writer = caller("demo:write");
        Caller reader = caller("demo:read");

        assertTrue(admin.scope("demo", AccessLevel.ADMIN).isAll());
        assertTrue(admin.scope("demo", AccessLevel.WRITE).isAll());
        assertTrue(admin.scope("demo", AccessLevel.READ).isAll());

        assertTrue(writer.scope("demo", AccessLevel.ADMIN).isNone());
        assertTrue(writer.scope("demo", AccessLevel.WRITE).isAll());
        assertTrue(writer.scope("demo", AccessLevel.READ).isAll());

        assertTrue(reader.scope("demo", AccessLevel.WRITE).isNone(), "read must not include write");
        assertTrue(reader.scope("demo", AccessLevel.ADMIN).isNone());
        assertTrue(reader.scope("demo", AccessLevel.READ).isAll());
    }

    @Test
    void scopeIsTheUnionOfTheGrantsThatCoverTheLevel() {
        Caller caller = caller("demo:read:ParkingSpot", "demo:write:AirQualityObserved", "other:admin:Streetlight");

        TypeScope read = caller.scope("demo", AccessLevel.READ);
        assertFalse(read.isAll());
        assertEquals(Set.of("ParkingSpot", "AirQualityObserved"), read.types());

        // only the write grant reaches write
        assertEquals(Set.of("AirQualityObserved"), caller.scope("demo", AccessLevel.WRITE).types());
        assertFalse(caller.scope("demo", AccessLevel.WRITE).allows("ParkingSpot"));

        assertTrue(caller.scope("demo", AccessLevel.ADMIN).isNone());
        assertEquals(Set.of("Streetlight"), caller.scope("other", AccessLevel.READ).types());
        assertTrue(caller.scope("third", AccessLevel.READ).isNone());
    }

    @Test
    void aGrantWithoutTypesWidensTheUnionToAll() {
        Caller caller = caller("demo:read:ParkingSpot", "demo:read");

        assertTrue(caller.scope("demo", AccessLevel.READ).isAll());
        assertTrue(caller.scope("demo", AccessLevel.READ).allows("AnythingElse"));
    }

    @Test
    void anyTenantGrantJoinsATenantsOwnGrant() {
        Caller caller = caller("*:read:Weather", "demo:read:ParkingSpot");

        assertEquals(Set.of("Weather", "ParkingSpot"), caller.scope("demo", AccessLevel.READ).types());
        assertEquals(Set.of("Weather"), caller.scope("other", AccessLevel.READ).types());
    }

    @Test
    void publicGrantsAreAddedToAuthenticatedCallers() {
        List<Grant> publicGrants = List.of(new Grant("other", AccessLevel.READ, Set.of("ParkingSpot")));
        Caller caller = Caller.authenticated("key abc123", List.of(Grant.parse("demo:write")), publicGrants);

        assertTrue(caller.isAuthenticated());
        assertEquals("key abc123", caller.getName());
        assertTrue(caller.scope("demo", AccessLevel.WRITE).isAll());
        assertEquals(Set.of("ParkingSpot"), caller.scope("other", AccessLevel.READ).types());
        // public types are read-only, whoever calls
        assertTrue(caller.scope("other", AccessLevel.WRITE).isNone());
    }

    @Test
    void anonymousCallersHaveThePublicGrantsOnly() {
        Caller anonymous = Caller.anonymous(List.of(new Grant("demo", AccessLevel.READ, Set.of("ParkingSpot"))));

        assertFalse(anonymous.isAuthenticated());
        assertEquals(Set.of("ParkingSpot"), anonymous.scope("demo", AccessLevel.READ).types());
        assertTrue(anonymous.scope("demo", AccessLevel.WRITE).isNone());
        assertTrue(anonymous.scope("other", AccessLevel.READ).isNone());
    }

    @Test
    void narrowOfAllKeepsWhatWasAsked() {
        assertEquals(Set.of("ParkingSpot"), TypeScope.ALL.narrow(Set.of("ParkingSpot")));
        // nothing asked and everything allowed: no restriction
        assertEquals(Set.of(), TypeScope.ALL.narrow(Set.of()));
    }

    @Test
    void narrowOfSomeTypesFillsInThemWhenNothingWasAsked() {
        TypeScope some = TypeScope.of(Set.of("ParkingSpot", "AirQualityObserved"));

        assertEquals(Set.of("ParkingSpot", "AirQualityObserved"), some.narrow(Set.of()),
                "an unrestricted query must not reach types outside the scope");
        assertEquals(Set.of("ParkingSpot"), some.narrow(Set.of("ParkingSpot")));
    }

    @Test
    void narrowRefusesTypesOutsideTheScope() {
        TypeScope some = TypeScope.of(Set.of("ParkingSpot"));

        assertFalse(some.allowsAll(Set.of("ParkingSpot", "Streetlight")));
        assertThrows(IllegalStateException.class, () -> some.narrow(Set.of("ParkingSpot", "Streetlight")));
    }

    @Test
    void emptyTypeSetIsNone() {
        assertTrue(TypeScope.of(Set.of()).isNone());
        assertFalse(TypeScope.of(Set.of()).isAll());
        assertFalse(TypeScope.NONE.allows("ParkingSpot"));
    }

    private static Caller caller(String... grants) {
        return Caller.authenticated("test", Arrays.stream(grants).map(Grant::parse).toList(), List.of());
    }
}
