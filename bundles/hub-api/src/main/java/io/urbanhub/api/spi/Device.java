package io.urbanhub.api.spi;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;

/**
 * A registered field device: which tenant it belongs to, how its payload is decoded and which entity
 * its readings describe.
 *
 * @param deviceId   the id in the external system, e.g. a LoRaWAN DevEUI in lower-case hex
 * @param deviceType the decoder key, e.g. {@code dragino-lht65}
 * @param location   where it is installed, or {@code null}
 */
public record Device(String deviceId, String deviceType, EntityId entity, GeoPoint location, String name) {

    public String tenant() {
        return entity.tenant();
    }
}
