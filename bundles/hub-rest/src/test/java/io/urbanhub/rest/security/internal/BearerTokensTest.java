package io.urbanhub.rest.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

import io.urbanhub.api.admin.AccessLevel;

/**
 * Tokens are signed here with the JDK alone, not with nimbus, so that a mistake in how the hub uses nimbus cannot be
 * mirrored by the same mistake in the test.
 */
class BearerTokensTest {

    static final String ISSUER = "https://login.example/realms/kdn";
    static final String AUDIENCE = "urbanhub";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    // made once, in a static initializer so that ApiSecurityTest can sign with the helpers below as well
    private static final KeyPair rsa = generate("RSA", null);
    private static final KeyPair ec = generate("EC", new ECGenParameterSpec("secp256r1"));
    /** A key pair the JWKS does not hold, for a token signed by somebody else under a known kid. */
    private static final KeyPair stranger = generate("RSA", null);

    @TempDir
    Path dir;
    private String jwksUrl;

    private static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(curve);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void jwksFile() throws IOException {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, jwks());
        jwksUrl = file.toUri().toString();
        assertTrue(jwksUrl.startsWith("file:"), jwksUrl);
    }

    /** The public keys only, as an identity provider publishes them. */
    static String jwks() {
        RSAKey rsaKey = new RSAKey.Builder((RSAPublicKey) rsa.getPublic()).keyID("rsa-1").build();
        ECKey ecKey = new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic()).keyID("ec-1").build();
        return new JWKSet(List.of(rsaKey, ecKey)).toString();
    }

    @Test
    void acceptsAnRs256TokenAndReadsItsGrants() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");

        BearerTokens.Verified verified = tokens.verify(rs256(claims("alice", List.of("demo:read",
                "other:write:ParkingSpot,AirQualityObserved"))));

        assertEquals("alice", verified.subject());
        assertEquals(List.of(new Grant("demo", AccessLevel.READ, Set.of()),
                new Grant("other", AccessLevel.WRITE, Set.of("ParkingSpot", "AirQualityObserved"))), verified.grants());
    }

    @Test
    void acceptsAnEs256Token() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");

        BearerTokens.Verified verified = tokens.verify(es256(claims("bob", List.of("demo:admin"))));

        assertEquals("bob", verified.subject());
        assertEquals(List.of(new Grant("demo", AccessLevel.ADMIN, Set.of())), verified.grants());
    }

    @Test
    void readsGrantsFromANestedClaimAndIgnoresTheIdentityProvidersRoles() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "realm_access.roles");
        Map<String, Object> claims = claims("carol", null);
        claims.put("realm_access", Map.of("roles", List.of("offline_access", "demo:write:ParkingSpot",
                "uma_authorization", "default-roles-kdn")));
        // the same value at the top level must not be read: the path says where
        claims.put("roles", List.of("*:admin"));

        BearerTokens.Verified verified = tokens.verify(rs256(claims));

        assertEquals(List.of(new Grant("demo", AccessLevel.WRITE, Set.of("ParkingSpot"))), verified.grants());
    }

    @Test
    void acceptsAnRfc9068AccessTokenAndRefusesOtherTypes() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        Map<String, Object> accessToken = header("RS256", "rsa-1");
        accessToken.put("typ", "at+jwt");
        Map<String, Object> idToken = header("RS256", "rsa-1");
        idToken.put("typ", "logout+jwt");

        assertEquals("erin", tokens.verify(sign(accessToken, claims("erin", List.of("demo:read")), "SHA256withRSA",
                rsa.getPrivate())).subject());
        assertThrows(IllegalArgumentException.class, () -> tokens.verify(sign(idToken, claims("erin", List.of("demo:read")),
                "SHA256withRSA", rsa.getPrivate())));
    }

    @Test
    void aTokenWithoutTheGrantsClaimHasNoGrants() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");

        BearerTokens.Verified verified = tokens.verify(rs256(claims("dave", null)));

        assertEquals("dave", verified.subject());
        assertEquals(List.of(), verified.grants());
    }

    @Test
    void refusesAnExpiredToken() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        Map<String, Object> claims = claims("alice", List.of("demo:read"));
        // well beyond any clock skew the verifier allows
        claims.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
        claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());

        assertRefused(tokens, rs256(claims), "Expired");
    }

    @Test
    void refusesATokenWithoutExpiry() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        Map<String, Object> claims = claims("alice", List.of("demo:read"));
        claims.remove("exp");

        assertRefused(tokens, rs256(claims), "exp");
    }

    @Test
    void refusesATokenWithoutSubject() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        Map<String, Object> claims = claims("alice", List.of("demo:read"));
        claims.remove("sub");

        assertRefused(tokens, rs256(claims), "sub");
    }

    @Test
    void refusesAnotherIssuer() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        Map<String, Object> claims = claims("alice", List.of("demo:read"));
        claims.put("iss", "https://login.example/realms/elsewhere");

        assertRefused(tokens, rs256(claims), "iss");
    }

    @Test
    void refusesAMissingOrWrongAudienceWhenOneIsConfigured() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        Map<String, Object> without = claims("alice", List.of("demo:read"));
        without.remove("aud");
        Map<String, Object> wrong = claims("alice", List.of("demo:read"));
        wrong.put("aud", "another-app");

        assertRefused(tokens, rs256(without), "aud");
        assertRefused(tokens, rs256(wrong), "aud");
    }

    @Test
    void doesNotCheckTheAudienceWhenNoneIsConfigured() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, "", "roles");
        Map<String, Object> claims = claims("alice", List.of("demo:read"));
        claims.put("aud", "another-app");

        assertEquals("alice", tokens.verify(rs256(claims)).subject());
    }

    @Test
    void refusesAnUnknownKeyId() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");

        assertRefused(tokens, sign(header("RS256", "rsa-2"), claims("alice", List.of("demo:read")), "SHA256withRSA",
                rsa.getPrivate()), "no matching key");
    }

    @Test
    void refusesASignatureOfAKeyTheJwksDoesNotHold() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");

        assertRefused(tokens, sign(header("RS256", "rsa-1"), claims("alice", List.of("demo:read")), "SHA256withRSA",
                stranger.getPrivate()), "Invalid signature");
    }

    @Test
    void refusesAnUnsecuredToken() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("typ", "JWT");

        assertRefused(tokens, encode(header) + "." + encode(claims("alice", List.of("*:admin"))) + ".", "Unsecured");
    }

    @Test
    void refusesAnHmacTokenKeyedWithThePublicKey() throws GeneralSecurityException {
        // algorithm confusion: the RSA public key is no secret, so whoever has it could forge such a token
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        String signingInput = encode(header("HS256", "rsa-1")) + "." + encode(claims("mallory", List.of("*:admin")));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(rsa.getPublic().getEncoded(), "HmacSHA256"));
        byte[] tag = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        String token = signingInput + "." + B64.encodeToString(tag);

        assertRefused(tokens, token, "Another algorithm expected");
    }

    @Test
    void refusesAPayloadAlteredAfterSigning() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");
        String[] parts = rs256(claims("alice", List.of("demo:read"))).split("\\.");
        String forged = encode(claims("alice", List.of("*:admin")));
        assertNotEquals(parts[1], forged);

        assertRefused(tokens, parts[0] + "." + forged + "." + parts[2], "Invalid signature");
    }

    @Test
    void refusesWhatIsNotAJwt() {
        BearerTokens tokens = new BearerTokens(jwksUrl, ISSUER, AUDIENCE, "roles");

        assertRefused(tokens, "not-a-jwt", "not a JWT");
        assertRefused(tokens, "", "not a JWT");
        assertRefused(tokens, "a.b.c", "not a JWT");
    }

    @Test
    void fetchesTheKeysOverHttp() throws IOException {
        byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/certs", exchange -> {
            fetched.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
            BearerTokens tokens = new BearerTokens(url, ISSUER, AUDIENCE, "roles");

            BearerTokens.Verified verified = tokens.verify(es256(claims("erin", List.of("demo:read"))));

            assertEquals("erin", verified.subject());
            assertEquals(List.of(new Grant("demo", AccessLevel.READ, Set.of())), verified.grants());
            assertTrue(fetched.get() >= 1, "the keys must have come from the server");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesABlankIssuer() {
        assertThrows(IllegalArgumentException.class, () -> new BearerTokens(jwksUrl, " ", AUDIENCE, "roles"));
    }

    @Test
    void refusesAJwksOfAnotherScheme() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new BearerTokens("ftp://127.0.0.1/jwks.json", ISSUER, AUDIENCE, "roles"));
        assertTrue(refused.getMessage().contains("file:, http: or https:"), refused.getMessage());
    }

    @Test
    void refusesAJwksFileThatIsNotThere() {
        assertThrows(IllegalArgumentException.class,
                () -> new BearerTokens(dir.resolve("missing.json").toUri().toString(), ISSUER, AUDIENCE, "roles"));
    }

    /** @param why a fragment of the reason, so that a token refused for another reason does not pass */
    private static void assertRefused(BearerTokens tokens, String token, String why) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> tokens.verify(token));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    /** Claims of a token that holds unless a test changes it; {@code roles} left out when null. */
    static Map<String, Object> claims(String subject, List<String> roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        Instant now = Instant.now();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        if (roles != null) {
            claims.put("roles", roles);
        }
        return claims;
    }

    static String rs256(Map<String, Object> claims) {
        return sign(header("RS256", "rsa-1"), claims, "SHA256withRSA", rsa.getPrivate());
    }

    static String es256(Map<String, Object> claims) {
        // JOSE wants R||S, not the DER sequence the plain SHA256withECDSA produces
        return sign(header("ES256", "ec-1"), claims, "SHA256withECDSAinP1363Format", ec.getPrivate());
    }

    private static Map<String, Object> header(String alg, String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        header.put("kid", kid);
        return header;
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, String algorithm,
            PrivateKey key) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
