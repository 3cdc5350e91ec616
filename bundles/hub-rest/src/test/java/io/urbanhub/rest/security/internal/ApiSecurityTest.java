package io.urbanhub.rest.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.admin.IssuedApiKey;

class ApiSecurityTest {

    private static final String REALM = "urbanhub-test";
    private static final List<Grant> PUBLIC = List.of(new Grant("demo", AccessLevel.READ, Set.of("ParkingSpot")));

    private static Configuration previousJaas;

    private ApiKeyStore keys;
    private ApiSecurity security;

    /** A realm like Karaf's properties realm, with three users; the roles are Karaf's RolePrincipal. */
    public static final class TestLoginModule implements LoginModule {

        private static final Map<String, String> PASSWORDS = Map.of("ops", "s3cret", "watch", "look", "nobody", "x");
        private static final Map<String, List<String>> ROLES = Map.of("ops", List.of("admin"),
                "watch", List.of("viewer"), "nobody", List.of());

        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            String expected = PASSWORDS.get(name.getName());
            if (expected == null || !Arrays.equals(expected.toCharArray(), password.getPassword())) {
                throw new FailedLoginException("wrong user or password");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            for (String role : ROLES.get(user)) {
                subject.getPrincipals().add(new RolePrincipal(role));
            }
            return true;
        }

        @Override
        public boolean abort() {
            user = null;
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().removeIf(p -> p instanceof UserPrincipal || p instanceof RolePrincipal);
            return true;
        }
    }

    @BeforeAll
    static void realm() {
        previousJaas = jaasConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return REALM.equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        TestLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of())} : null;
            }
        });
    }

    @AfterAll
    static void restoreRealm() {
        Configuration.setConfiguration(previousJaas);
    }

    /** The JVM's configuration, or null when there is none (without java.security.auth.login.config it may fail). */
    private static Configuration jaasConfiguration() {
        try {
            return Configuration.getConfiguration();
        } catch (SecurityException none) {
            return null;
        }
    }

    @BeforeEach
    void security() {
        keys = new ApiKeyStore(new InMemoryConfigurationAdmin().admin);
        security = new ApiSecurity(keys, PUBLIC, null, admins());
    }

    @Test
    void withoutCredentialsTheCallerIsAnonymousWithThePublicGrants() {
        for (String none : new String[] {null, "", "   "}) {
            Caller caller = security.authenticate(none, null);

            assertFalse(caller.isAuthenticated());
            assertEquals(Set.of("ParkingSpot"), caller.scope("demo", AccessLevel.READ).types());
            assertTrue(caller.scope("demo", AccessLevel.WRITE).isNone());
            assertTrue(caller.scope("other", AccessLevel.READ).isNone());
        }
    }

    @Test
    void anAdminOperatorMayDoAnythingWithEveryTenant() {
        Caller caller = security.authenticate(basic("ops:s3cret"), null);

        assertTrue(caller.isAuthenticated());
        assertEquals("user ops", caller.getName());
        assertTrue(caller.scope("demo", AccessLevel.ADMIN).isAll());
        assertTrue(caller.scope("any-other-town", AccessLevel.ADMIN).isAll());
    }

    @Test
    void aViewerOperatorMayReadEveryTenantButNotWrite() {
        Caller caller = security.authenticate(basic("watch:look"), null);

        assertEquals("user watch", caller.getName());
        assertTrue(caller.scope("demo", AccessLevel.READ).isAll());
        assertTrue(caller.scope("any-other-town", AccessLevel.READ).isAll());
        assertTrue(caller.scope("demo", AccessLevel.WRITE).isNone());
        assertTrue(caller.scope("any-other-town", AccessLevel.WRITE).isNone());
    }

    @Test
    void anOperatorWithoutARoleGetsNoMoreThanThePublic() {
        Caller caller = security.authenticate(basic("nobody:x"), null);

        assertTrue(caller.isAuthenticated());
        assertEquals(Set.of("ParkingSpot"), caller.scope("demo", AccessLevel.READ).types());
        assertTrue(caller.scope("other", AccessLevel.READ).isNone());
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        Caller caller = security.authenticate("basic " + encode("ops:s3cret"), null);

        assertTrue(caller.scope("demo", AccessLevel.ADMIN).isAll());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops:wrong", "ops:", "stranger:s3cret", "ops:s3cret ", ":s3cret", "ops"})
    void basicCredentialsThatDoNotHoldAreRefused(String userAndPassword) {
        assertThrows(Unauthenticated.class, () -> security.authenticate(basic(userAndPassword), null));
    }

    @Test
    void basicCredentialsThatAreNotBase64AreRefused() {
        assertThrows(Unauthenticated.class, () -> security.authenticate("Basic !!not*base64!!", null));
        assertThrows(Unauthenticated.class, () -> security.authenticate("Basic", null));
    }

    @Test
    void anApiKeyOpensItsTenantOnly() {
        IssuedApiKey issued = keys.issue("musterstadt", AccessLevel.WRITE, Set.of(), "app");

        Caller caller = security.authenticate(null, issued.secret());

        assertTrue(caller.isAuthenticated());
        assertEquals("key " + issued.key().id(), caller.getName());
        assertTrue(caller.scope("musterstadt", AccessLevel.WRITE).isAll());
        assertTrue(caller.scope("musterstadt", AccessLevel.ADMIN).isNone());
        // another tenant's data: a 403, not more
        assertTrue(caller.scope("other", AccessLevel.READ).isNone());
        // the public types stay readable with a key as without
        assertEquals(Set.of("ParkingSpot"), caller.scope("demo", AccessLevel.READ).types());
    }

    @Test
    void anApiKeyKeepsItsTypes() {
        IssuedApiKey issued = keys.issue("musterstadt", AccessLevel.READ, Set.of("Streetlight"), "app");

        Caller caller = security.authenticate(null, "  " + issued.secret() + " ");

        assertEquals(Set.of("Streetlight"), caller.scope("musterstadt", AccessLevel.READ).types());
    }

    @Test
    void anInvalidApiKeyIsRefusedNeverAnonymous() {
        IssuedApiKey issued = keys.issue("musterstadt", AccessLevel.READ, Set.of(), "app");

        assertThrows(Unauthenticated.class, () -> security.authenticate(null, issued.key().id() + ".wrong"));
        assertThrows(Unauthenticated.class, () -> security.authenticate(null, "garbage"));
        assertThrows(Unauthenticated.class, () -> security.authenticate(null, ""));
        // a good Authorization header does not rescue a bad key
        assertThrows(Unauthenticated.class, () -> security.authenticate(basic("ops:s3cret"), "garbage"));
    }

    @Test
    void anApiKeyMayComeInTheAuthorizationHeader() {
        IssuedApiKey issued = keys.issue("musterstadt", AccessLevel.READ, Set.of(), "app");

        Caller caller = security.authenticate("ApiKey " + issued.secret(), null);

        assertEquals("key " + issued.key().id(), caller.getName());
        assertTrue(caller.scope("musterstadt", AccessLevel.READ).isAll());
        assertThrows(Unauthenticated.class, () -> security.authenticate("ApiKey " + issued.key().id() + ".x", null));
        assertThrows(Unauthenticated.class, () -> security.authenticate("ApiKey", null));
    }

    @Test
    void bearerTokensAreRefusedWithoutAnIdentityProvider() {
        Unauthenticated refused = assertThrows(Unauthenticated.class, () -> security.authenticate("Bearer x", null));
        assertTrue(refused.getMessage().contains("Bearer"), refused.getMessage());
    }

    @Test
    void aBearerTokenOfTheIdentityProviderNamesItsSubjectAndGrants(@TempDir Path dir) throws IOException {
        ApiSecurity withTokens = new ApiSecurity(keys, PUBLIC, bearerTokens(dir), admins());

        Caller caller = withTokens.authenticate("Bearer " + BearerTokensTest.rs256(BearerTokensTest.claims("alice",
                List.of("musterstadt:write", "offline_access"))), null);

        assertEquals("token alice", caller.getName());
        assertTrue(caller.scope("musterstadt", AccessLevel.WRITE).isAll());
        assertTrue(caller.scope("other", AccessLevel.READ).isNone());
        assertEquals(Set.of("ParkingSpot"), caller.scope("demo", AccessLevel.READ).types());
    }

    @Test
    void aBearerTokenThatDoesNotHoldIsRefusedNeverAnonymous(@TempDir Path dir) throws IOException {
        ApiSecurity withTokens = new ApiSecurity(keys, PUBLIC, bearerTokens(dir), admins());
        Map<String, Object> claims = BearerTokensTest.claims("alice", List.of("*:admin"));
        claims.put("iss", "https://somebody.else");

        assertThrows(Unauthenticated.class,
                () -> withTokens.authenticate("Bearer " + BearerTokensTest.rs256(claims), null));
        assertThrows(Unauthenticated.class, () -> withTokens.authenticate("Bearer not-a-jwt", null));
        assertThrows(Unauthenticated.class, () -> withTokens.authenticate("Bearer", null));
    }

    @Test
    void anUnknownSchemeIsRefused() {
        assertThrows(Unauthenticated.class,
                () -> security.authenticate("Digest username=\"ops\", realm=\"urbanhub\"", null));
        assertThrows(Unauthenticated.class, () -> security.authenticate("s3cret", null));
    }

    @Test
    void publicTypesAreReadGrantsOfOneType() {
        List<Grant> grants = ApiSecurity.publicGrants(new String[] {"demo/ParkingSpot", " musterstadt/Streetlight "});

        assertEquals(List.of(new Grant("demo", AccessLevel.READ, Set.of("ParkingSpot")),
                new Grant("musterstadt", AccessLevel.READ, Set.of("Streetlight"))), grants);
        assertEquals(List.of(), ApiSecurity.publicGrants(new String[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ParkingSpot", "demo/", "demo/  ", "Bad Tenant/ParkingSpot", "/ParkingSpot", "demo/Parking/Spot"})
    void malformedPublicTypesAreRefused(String entry) {
        assertThrows(IllegalArgumentException.class, () -> ApiSecurity.publicGrants(new String[] {entry}));
    }

    private static AdminLogin admins() {
        return new AdminLogin(REALM, "admin", "viewer");
    }

    private static BearerTokens bearerTokens(Path dir) throws IOException {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), BearerTokensTest.jwks());
        return new BearerTokens(jwks.toUri().toString(), BearerTokensTest.ISSUER, BearerTokensTest.AUDIENCE, "roles");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + encode(userAndPassword);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
