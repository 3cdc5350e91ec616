package io.urbanhub.api.model;

import java.util.Objects;

/**
 * An NGSI-LD entity id of the form {@code urn:ngsi-ld:{type}:{tenant}:{localId}}, e.g.
 * {@code urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-3}.
 */
public record EntityId(String type, String tenant, String localId) {

    private static final String PREFIX = "urn:ngsi-ld:";

    public EntityId {
        requireType(type);
        Tenants.require(tenant);
        if (!IdCharacters.isLocalId(localId)) {
            throw new IllegalArgumentException("Local id '" + localId + "' may hold letters, digits and . _ ~ - : only");
        }
    }

    /**
     * @return the type, when it is a Smart Data Model type name
     * @throws IllegalArgumentException otherwise
     */
    public static String requireType(String type) {
        if (!IdCharacters.isType(type)) {
            throw new IllegalArgumentException("Entity type '" + type + "' must be a Smart Data Model type name such as WeatherObserved");
        }
        return type;
    }

    public String urn() {
        return PREFIX + type + ":" + tenant + ":" + localId;
    }

    public static EntityId parse(String urn) {
        Objects.requireNonNull(urn, "urn");
        if (!urn.startsWith(PREFIX)) {
            throw new IllegalArgumentException("'" + urn + "' is not an NGSI-LD URN");
        }
        String[] parts = urn.substring(PREFIX.length()).split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + urn + "' is not of the form urn:ngsi-ld:{type}:{tenant}:{localId}");
        }
        return new EntityId(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return urn();
    }
}
