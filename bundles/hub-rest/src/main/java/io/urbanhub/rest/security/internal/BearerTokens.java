package io.urbanhub.rest.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * OAuth2/OIDC bearer tokens (signed JWTs) checked against the identity provider's keys (JWKS): signature with an
 * asymmetric algorithm only, issuer, audience, expiry. The tenants a token opens are in a claim that lists grants
 * as {@code tenant:level[:Type,…]}; other values there (an IdP's own roles) are ignored.
 */
final class BearerTokens {

    /** Asymmetric only: a symmetric key would have to be shared with every relying party. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    /** A verified token: who and what it grants. */
    record Verified(String subject, List<Grant> grants) {
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String grantsClaim;

    /**
     * @param jwks        where the keys are: {@code file:}, {@code http:} or {@code https:}; a remote set is cached
     *                    and fetched again when a token names a key it does not hold
     * @param issuer      the {@code iss} every token must carry
     * @param audience    the {@code aud} every token must carry; empty: not checked
     * @param grantsClaim the claim with the grants, a dotted path for nested claims (e.g. {@code realm_access.roles})
     */
    BearerTokens(String jwks, String issuer, String audience, String grantsClaim) {
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("Bearer tokens need the issuer they must come from (issuer)");
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source(jwks)));
        // plain JWTs and RFC 9068 access tokens alike
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience.isBlank() ? null : audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
        this.grantsClaim = grantsClaim;
    }

    /** @throws IllegalArgumentException naming why the token is refused */
    Verified verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new IllegalArgumentException("The bearer token is not a JWT");
        } catch (BadJOSEException e) {
            throw new IllegalArgumentException("The bearer token is refused: " + e.getMessage());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The bearer token could not be checked: " + e.getMessage());
        }
        return new Verified(claims.getSubject(), grants(claims.getClaims()));
    }

    private List<Grant> grants(Map<String, Object> claims) {
        Object value = claims;
        for (String name : grantsClaim.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(name) : null;
        }
        List<Grant> grants = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            for (Object role : values) {
                try {
                    grants.add(Grant.parse(String.valueOf(role)));
                } catch (IllegalArgumentException notOurs) {
                    // an identity provider's own role such as offline_access
                }
            }
        }
        return grants;
    }

    private static JWKSource<SecurityContext> source(String jwks) {
        URI uri = URI.create(jwks.trim());
        try {
            if ("file".equals(uri.getScheme())) {
                try (InputStream in = uri.toURL().openStream()) {
                    return new ImmutableJWKSet<>(JWKSet.load(in));
                }
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("jwksUri must be a file:, http: or https: URL, not " + jwks);
            }
            URL url = uri.toURL();
            return JWKSourceBuilder.create(url).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jwksUri is not a URL: " + jwks, e);
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("The keys in " + jwks + " could not be read: " + e.getMessage(), e);
        }
    }
}
