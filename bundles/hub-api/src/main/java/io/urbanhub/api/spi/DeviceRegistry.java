package io.urbanhub.api.spi;

import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The field devices the hub knows. */
@ProviderType
public interface DeviceRegistry {

    /** A device by its id in the external system (matched without regard to case). */
    Optional<Device> find(String deviceId);

    Collection<Device> all();
}
