package io.urbanhub.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decodes the payload of one device type. Registered as an OSGi service with the property
 * {@value #DEVICE_TYPE}, e.g. {@code hub.deviceType=dragino-lht65}. Implementations are stateless and
 * thread-safe.
 */
@ConsumerType
public interface PayloadDecoder {

    String DEVICE_TYPE = "hub.deviceType";

    /**
     * @param port    the application port the payload came on (LoRaWAN FPort)
     * @param payload the application payload
     */
    Decoded decode(int port, byte[] payload) throws DecodingException;
}
