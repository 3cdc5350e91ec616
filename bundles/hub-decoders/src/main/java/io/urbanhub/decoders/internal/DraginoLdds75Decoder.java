package io.urbanhub.decoders.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.api.spi.PayloadDecoder;

/**
 * Dragino LDDS75 ultrasonic distance sensor looking down on water (wells, basins, ditches): the 8-byte
 * uplink on FPort 2 of the vendor's manual and decoder (v1.1.4): battery, distance, interrupt flag,
 * optional DS18B20 temperature, sensor flag.
 *
 * <p>The entity is a Smart Data Model {@code WaterObserved}, the water below the sensor. The sensor
 * measures the {@code distance} down to the surface, in millimetres as it counts them; the model's
 * {@code height} (the level) is the mounting height minus that distance, and the mounting height is the
 * installation's, not the payload's, so it is left to whoever knows it. The optional DS18B20
 * temperature is not read.
 */
@Component(property = PayloadDecoder.DEVICE_TYPE + "=" + DraginoLdds75Decoder.DEVICE_TYPE)
public class DraginoLdds75Decoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "dragino-ldds75";
    private static final int DATA_PORT = 2;
    private static final int LENGTH = 8;
    /** The manual: below 280 mm the echo is not a valid reading. */
    private static final int MINIMUM_DISTANCE = 280;

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        if (port != DATA_PORT) {
            throw new DecodingException("unknown FPort " + port + " (the LDDS75 sends its readings on FPort 2)");
        }
        if (payload.length != LENGTH) {
            throw new DecodingException("LDDS75 payload has " + payload.length + " bytes, expected " + LENGTH);
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        properties.put("batteryVoltage", Property.of((Bytes.unsigned16(payload, 0) & 0x3FFF) / 1000.0, UnitCodes.VOLT));
        int distance = Bytes.unsigned16(payload, 2);
        if (distance == 0) {
            warnings.add("no ultrasonic sensor detected");
        } else if (distance < MINIMUM_DISTANCE) {
            warnings.add("distance " + distance + " mm is below the sensor's " + MINIMUM_DISTANCE + " mm: invalid reading");
        } else {
            properties.put("distance", Property.of(distance, Units.MILLIMETRE));
        }
        return new Decoded(properties, warnings);
    }
}
