package io.urbanhub.rest.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.api.admin.ApiKey;
import io.urbanhub.api.admin.ApiKeys;
import io.urbanhub.api.admin.IssuedApiKey;

/**
 * API keys as factory configurations ({@code io.urbanhub.rest.apikey}), so that they live where the rest of the
 * hub's settings do and can be written by hand as well: only the SHA-256 of a key is kept. A key is
 * {@code <id>.<secret>}; the id finds the grant, the hash of the whole key is compared in constant time.
 */
@Component(service = {ApiKeys.class, ApiKeyStore.class, ConfigurationListener.class})
public class ApiKeyStore implements ApiKeys, ConfigurationListener {

    static final String FACTORY_PID = "io.urbanhub.rest.apikey";
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]{6,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Stored(ApiKey key, byte[] hash) {
    }

    private final ConfigurationAdmin configurations;
    private volatile Map<String, Stored> keys = Map.of();

    @Activate
    public ApiKeyStore(@Reference ConfigurationAdmin configurations) {
        this.configurations = configurations;
        reload();
    }

    /** The caller a presented key stands for, if it is a current key. */
    Optional<ApiKey> verify(String presented) {
        int dot = presented.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        Stored stored = keys.get(presented.substring(0, dot));
        if (stored == null || !MessageDigest.isEqual(stored.hash(), sha256(presented))) {
            return Optional.empty();
        }
        return Optional.of(stored.key());
    }

    @Override
    public IssuedApiKey issue(String tenant, AccessLevel access, Set<String> types, String description) {
        String id = HexFormat.of().formatHex(randomBytes(6));
        String secret = id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        ApiKey key = new ApiKey(id, tenant, access, types, description, Instant.now());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("keyId", id);
        properties.put("keyHash", HexFormat.of().formatHex(sha256(secret)));
        properties.put("tenant", key.tenant());
        properties.put("access", key.access().toString());
        properties.put("types", key.types().toArray(String[]::new));
        properties.put("description", key.description());
        properties.put("created", key.created().toString());
        try {
            configurations.getFactoryConfiguration(FACTORY_PID, id, "?").update(properties);
        } catch (IOException e) {
            throw new IllegalStateException("The key could not be stored: " + e.getMessage(), e);
        }
        reload();
        return new IssuedApiKey(key, secret);
    }

    @Override
    public List<ApiKey> all() {
        return keys.values().stream().map(Stored::key).sorted(Comparator.comparing(ApiKey::tenant)
                .thenComparing(ApiKey::created)).toList();
    }

    @Override
    public boolean revoke(String id) {
        boolean found = false;
        for (Configuration configuration : list()) {
            if (id.equals(configuration.getProperties().get("keyId"))) {
                try {
                    configuration.delete();
                } catch (IOException e) {
                    throw new IllegalStateException("Key " + id + " could not be revoked: " + e.getMessage(), e);
                }
                found = true;
            }
        }
        reload();
        return found;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (FACTORY_PID.equals(event.getFactoryPid())) {
            reload();
        }
    }

    private synchronized void reload() {
        Map<String, Stored> loaded = new HashMap<>();
        for (Configuration configuration : list()) {
            Dictionary<String, Object> properties = configuration.getProperties();
            try {
                Stored stored = stored(properties);
                loaded.put(stored.key().id(), stored);
            } catch (RuntimeException e) {
                LOG.warn("API key configuration {} is ignored: {}", configuration.getPid(), e.getMessage());
            }
        }
        keys = Map.copyOf(loaded);
    }

    private static Stored stored(Dictionary<String, Object> properties) {
        String id = text(properties, "keyId");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("keyId must be 6 to 32 lower-case letters or digits");
        }
        byte[] hash = HexFormat.of().parseHex(text(properties, "keyHash").toLowerCase());
        if (hash.length != 32) {
            throw new IllegalArgumentException("keyHash must be the key's SHA-256 in hex");
        }
        Object created = properties.get("created");
        ApiKey key = new ApiKey(id, text(properties, "tenant"), AccessLevel.parse(text(properties, "access")),
                types(properties.get("types")), (String) properties.get("description"),
                created == null ? Instant.EPOCH : Instant.parse(created.toString()));
        return new Stored(key, hash);
    }

    private static Set<String> types(Object value) {
        if (value == null) {
            return Set.of();
        }
        String[] types = value instanceof String[] array ? array : value.toString().split(",");
        return Arrays.stream(types).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    }

    private static String text(Dictionary<String, Object> properties, String name) {
        Object value = properties.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value.toString().trim();
    }

    private List<Configuration> list() {
        try {
            Configuration[] found = configurations.listConfigurations("(service.factoryPid=" + FACTORY_PID + ")");
            return found == null ? List.of() : List.of(found);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("API keys could not be read: " + e.getMessage(), e);
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
