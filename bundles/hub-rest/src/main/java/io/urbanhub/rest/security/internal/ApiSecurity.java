package io.urbanhub.rest.security.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.admin.ApiKey;

/**
 * Tells who sent a request from its credentials: an API key ({@code X-API-Key}), an OIDC bearer token, or an
 * operator's user and password (HTTP Basic against the JAAS realm). Without credentials the caller is anonymous and
 * reaches the public types only. Credentials that do not hold are refused outright, never taken as anonymous.
 */
@Component(service = ApiSecurity.class, configurationPid = "io.urbanhub.rest.security",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ApiSecurityConfig.class)
public class ApiSecurity {

    public static final String API_KEY_HEADER = "X-API-Key";

    private final ApiKeyStore keys;
    private final List<Grant> publicGrants;
    private final BearerTokens bearerTokens;
    private final AdminLogin admins;

    @Activate
    public ApiSecurity(@Reference ApiKeyStore keys, ApiSecurityConfig config) {
        this(keys, publicGrants(config.publicTypes()),
                config.jwksUri().isBlank() ? null
                        : new BearerTokens(config.jwksUri(), config.issuer(), config.audience(), config.grantsClaim()),
                new AdminLogin(config.jaasRealm(), config.adminRole(), config.viewerRole()));
    }

    ApiSecurity(ApiKeyStore keys, List<Grant> publicGrants, BearerTokens bearerTokens, AdminLogin admins) {
        this.keys = keys;
        this.publicGrants = List.copyOf(publicGrants);
        this.bearerTokens = bearerTokens;
        this.admins = admins;
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param apiKey        the {@code X-API-Key} header, or null
     * @throws Unauthenticated when credentials were sent that do not hold
     */
    public Caller authenticate(String authorization, String apiKey) {
        if (apiKey != null) {
            ApiKey key = keys.verify(apiKey.trim()).orElseThrow(() -> new Unauthenticated("The API key is not valid"));
            return Caller.authenticated("key " + key.id(),
                    List.of(new Grant(key.tenant(), key.access(), key.types())), publicGrants);
        }
        if (authorization == null || authorization.isBlank()) {
            return Caller.anonymous(publicGrants);
        }
        String[] scheme = authorization.trim().split("\\s+", 2);
        String credentials = scheme.length == 2 ? scheme[1] : "";
        switch (scheme[0].toLowerCase(Locale.ROOT)) {
            case "bearer":
                return bearer(credentials);
            case "basic":
                return basic(credentials);
            case "apikey":
                return authenticate(null, credentials);
            default:
                throw new Unauthenticated("The Authorization scheme " + scheme[0] + " is not supported;"
                        + " send an API key, a bearer token or Basic credentials");
        }
    }

    private Caller bearer(String token) {
        if (bearerTokens == null) {
            throw new Unauthenticated("Bearer tokens are not accepted: no identity provider is configured");
        }
        try {
            BearerTokens.Verified verified = bearerTokens.verify(token);
            return Caller.authenticated("token " + verified.subject(), verified.grants(), publicGrants);
        } catch (IllegalArgumentException e) {
            throw new Unauthenticated(e.getMessage());
        }
    }

    private Caller basic(String encoded) {
        String userAndPassword;
        try {
            userAndPassword = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unauthenticated("Basic credentials are not Base64");
        }
        int colon = userAndPassword.indexOf(':');
        if (colon < 1) {
            throw new Unauthenticated("Basic credentials are user:password");
        }
        String user = userAndPassword.substring(0, colon);
        char[] password = userAndPassword.substring(colon + 1).toCharArray();
        try {
            List<Grant> grants = admins.login(user, password)
                    .orElseThrow(() -> new Unauthenticated("User or password is wrong"));
            return Caller.authenticated("user " + user, grants, publicGrants);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static List<Grant> publicGrants(String[] publicTypes) {
        List<Grant> grants = new ArrayList<>();
        for (String entry : publicTypes) {
            if (entry.isBlank()) {
                continue;
            }
            String[] tenantAndType = entry.trim().split("/", 2);
            if (tenantAndType.length != 2 || tenantAndType[1].isBlank()) {
                throw new IllegalArgumentException("A public type is tenant/Type, not '" + entry + "'");
            }
            try {
                grants.add(new Grant(tenantAndType[0].trim(), AccessLevel.READ, Set.of(tenantAndType[1].trim())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Public type '" + entry + "': " + e.getMessage(), e);
            }
        }
        return grants;
    }
}
