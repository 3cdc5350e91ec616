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
 * Dragino LHT65 temperature and humidity sensor (cold rooms, storage), uplinks on FPort 2 as the
 * vendor documents them: battery, internal SHT20 temperature and humidity, and an optional external
 * DS18B20 probe. Readings are named after the Smart Data Model {@code IndoorEnvironmentObserved}.
 */
@Component(property = PayloadDecoder.DEVICE_TYPE + "=" + DraginoLht65Decoder.DEVICE_TYPE)
public class DraginoLht65Decoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "dragino-lht65";
    private static final int DATA_PORT = 2;
    private static final int LENGTH = 11;
    private static final int EXTERNAL_NONE = 0x0;
    private static final int EXTERNAL_TEMPERATURE = 0x1;
    /** What the probe reports when it is unplugged. */
    private static final int PROBE_DISCONNECTED = 0x7FFF;
    private static final String[] BATTERY_STATUS = {"ultra low", "low", "ok", "good"};

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        if (port != DATA_PORT) {
            throw new DecodingException("unknown FPort " + port + " (the LHT65 sends its readings on FPort 2)");
        }
        if (payload.length != LENGTH) {
            throw new DecodingException("LHT65 payload has " + payload.length + " bytes, expected " + LENGTH);
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int battery = unsigned16(payload, 0);
        properties.put("batteryVoltage", Property.of((battery & 0x3FFF) / 1000.0, UnitCodes.VOLT));
        properties.put("batteryStatus", Property.of(BATTERY_STATUS[battery >> 14]));
        properties.put("temperature", Property.of(signed16(payload, 2) / 100.0, UnitCodes.DEGREE_CELSIUS));
        properties.put("relativeHumidity", Property.of(unsigned16(payload, 4) / 10.0, UnitCodes.PERCENT));
        int external = payload[6] & 0x7F;
        if (external == EXTERNAL_TEMPERATURE) {
            int probe = unsigned16(payload, 7);
            if (probe == PROBE_DISCONNECTED) {
                warnings.add("external temperature probe disconnected");
            } else {
                properties.put("externalTemperature", Property.of(signed16(payload, 7) / 100.0, UnitCodes.DEGREE_CELSIUS));
            }
        } else if (external != EXTERNAL_NONE) {
            warnings.add("external sensor type " + external + " is not decoded");
        }
        return new Decoded(properties, warnings);
    }

    private static int unsigned16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }

    private static int signed16(byte[] bytes, int offset) {
        return (short) unsigned16(bytes, offset);
    }
}
