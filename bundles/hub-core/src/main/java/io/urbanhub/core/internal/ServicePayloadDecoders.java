package io.urbanhub.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.urbanhub.api.spi.PayloadDecoder;
import io.urbanhub.api.spi.PayloadDecoders;

/** The installed {@link PayloadDecoder} services by their device type; decoders come and go with their bundles. */
@Component
public class ServicePayloadDecoders implements PayloadDecoders {

    private final Map<String, PayloadDecoder> byDeviceType = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDecoder(PayloadDecoder decoder, Map<String, Object> properties) {
        Object type = properties.get(PayloadDecoder.DEVICE_TYPE);
        if (type != null) {
            byDeviceType.put(type.toString(), decoder);
        }
    }

    void removeDecoder(PayloadDecoder decoder, Map<String, Object> properties) {
        Object type = properties.get(PayloadDecoder.DEVICE_TYPE);
        if (type != null) {
            byDeviceType.remove(type.toString(), decoder);
        }
    }

    @Override
    public Optional<PayloadDecoder> forDeviceType(String deviceType) {
        return Optional.ofNullable(byDeviceType.get(deviceType));
    }
}
