package io.urbanhub.api.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The decoders installed in the hub, by device type. */
@ProviderType
public interface PayloadDecoders {

    Optional<PayloadDecoder> forDeviceType(String deviceType);
}
