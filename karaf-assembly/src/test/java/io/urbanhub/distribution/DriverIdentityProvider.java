package io.urbanhub.distribution;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OIDC identity provider as far as the hub sees one: a signing key whose public half is in a JWKS file that the
 * hub's security configuration names, and tokens signed with the JDK alone. The driver makes the key; the probe,
 * which signs the tokens, gets its private half through a system property.
 */
final class DriverIdentityProvider {

    static final String ISSUER = "https://login.itcity.example/realms/kdn";
    static final String AUDIENCE = "urbanhub";
    private static final String KEY_PROPERTY = "urbanhub.it.tokenKey";
    private static final String SECURITY_CFG = "etc/io.urbanhub.rest.security.cfg";

    private DriverIdentityProvider() {
    }

    /** In the driver: the key pair, its JWKS file, and the options that configure the hub for them. */
    static Option[] options() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"it\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + base64Url(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + base64Url(unsigned(publicKey.getPublicExponent()))
                + "\"}]}";
        Path file = Files.createDirectories(Path.of("target").toAbsolutePath()).resolve("it-jwks.json");
        Files.writeString(file, jwks);
        return new Option[] {
                editConfigurationFilePut(SECURITY_CFG, "jwksUri", file.toUri().toString()),
                editConfigurationFilePut(SECURITY_CFG, "issuer", ISSUER),
                editConfigurationFilePut(SECURITY_CFG, "audience", AUDIENCE),
                systemProperty(KEY_PROPERTY).value(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))};
    }

    /** In the probe: a token as the identity provider issues it, with the grants in its roles claim. */
    static String token(String subject, List<String> roles, Instant expires) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode header = mapper.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", "it");
        ObjectNode claims = mapper.createObjectNode().put("iss", ISSUER).put("aud", AUDIENCE).put("sub", subject)
                .put("iat", Instant.now().getEpochSecond()).put("exp", expires.getEpochSecond());
        roles.forEach(claims.putArray("roles")::add);
        String signingInput = base64Url(mapper.writeValueAsBytes(header)) + "." + base64Url(mapper.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(KEY_PROPERTY)))));
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(signature.sign());
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
