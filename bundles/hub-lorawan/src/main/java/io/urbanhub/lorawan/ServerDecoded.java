package io.urbanhub.lorawan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.Decoded;

/**
 * Takes what a network server's payload formatter decoded when the hub has no decoder for the device: its
 * numbers, texts and booleans under their own names. Units are unknown, which the warnings say.
 */
final class ServerDecoded {

    private ServerDecoded() {
    }

    static Decoded properties(Map<String, Object> decoded) throws BadUplinkException {
        Map<String, Property> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        decoded.forEach((name, value) -> {
            if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
                properties.put(name, Property.of(number.doubleValue(), null));
            } else if (value instanceof String || value instanceof Boolean) {
                properties.put(name, Property.of(value));
            } else {
                warnings.add("the network server's field " + name + " is neither number, text nor boolean: left out");
            }
        });
        if (properties.isEmpty()) {
            throw new BadUplinkException("no decoder installed, and the network server's decoding holds no value");
        }
        warnings.add("decoded by the network server's payload formatter: names as it gave them, units unknown");
        return new Decoded(properties, warnings);
    }
}
