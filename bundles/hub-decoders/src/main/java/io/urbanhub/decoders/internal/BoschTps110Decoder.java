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
 * Bosch TPS110 parking lot sensor in the ground of one parking space, firmware 0.29 and later as the
 * device repository's codec reads it: parking status on FPort 1 (on every change), heartbeat with the
 * sensor's temperature on FPort 2, start-up with firmware, reset cause and debug codes on FPort 3.
 *
 * <p>The entity is a Smart Data Model {@code ParkingSpot}; {@code status} takes the model's values
 * "occupied" and "free". Device information, usage and debug frames (FPorts 4 to 6) hold no state of
 * the parking space and are refused with that reason.
 */
@Component(property = PayloadDecoder.DEVICE_TYPE + "=" + BoschTps110Decoder.DEVICE_TYPE)
public class BoschTps110Decoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "bosch-tps110";
    private static final int STATUS_PORT = 1;
    private static final int HEARTBEAT_PORT = 2;
    private static final int STARTUP_PORT = 3;
    private static final int STARTUP_LENGTH = 17;
    private static final String[] RESET_CAUSES = {"watchdog", "power on", "system request", "other"};
    private static final String[] DIAGNOSTIC_FRAMES = {"device information", "device usage", "debug"};

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        Map<String, Property> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        switch (port) {
            case STATUS_PORT -> {
                requireLength(payload, 1, 1, "parking status");
                properties.put("status", status(payload[0]));
            }
            case HEARTBEAT_PORT -> {
                requireLength(payload, 1, 2, "heartbeat");
                properties.put("status", status(payload[0]));
                if (payload.length == 2) {
                    properties.put("temperature", Property.of(payload[1], UnitCodes.DEGREE_CELSIUS));
                }
            }
            case STARTUP_PORT -> {
                requireLength(payload, STARTUP_LENGTH, STARTUP_LENGTH, "start-up");
                startup(payload, properties, warnings);
            }
            case 4, 5, 6 -> throw new DecodingException("FPort " + port + " carries the TPS110's "
                    + DIAGNOSTIC_FRAMES[port - 4] + ", not a parking status");
            default -> throw new DecodingException("unknown FPort " + port + " (the TPS110 sends on FPorts 1 to 6)");
        }
        return new Decoded(properties, warnings);
    }

    private static void startup(byte[] payload, Map<String, Property> properties, List<String> warnings) {
        List<String> debugCodes = new ArrayList<>();
        // three little-endian 12-bit codes in 4-byte slots; 0 is an empty slot
        for (int offset = 0; offset <= 8; offset += 4) {
            int code = (payload[offset + 1] & 0x0F) << 8 | payload[offset] & 0xFF;
            if (code != 0) {
                debugCodes.add(Integer.toString(code));
            }
        }
        properties.put("status", status(payload[16]));
        properties.put("firmwareVersion", Property.of(Bytes.unsigned8(payload, 12) + "." + Bytes.unsigned8(payload, 13)
                + "." + Bytes.unsigned8(payload, 14)));
        int cause = Bytes.unsigned8(payload, 15);
        if (cause >= 1 && cause <= RESET_CAUSES.length) {
            properties.put("resetCause", Property.of(RESET_CAUSES[cause - 1]));
        } else {
            warnings.add("reset cause " + cause + " is unknown");
        }
        if (!debugCodes.isEmpty()) {
            properties.put("debugCodes", Property.of(String.join(", ", debugCodes)));
        }
    }

    private static void requireLength(byte[] payload, int minimum, int maximum, String frame) throws DecodingException {
        if (payload.length < minimum || payload.length > maximum) {
            throw new DecodingException("TPS110 " + frame + " has " + payload.length + " bytes, expected "
                    + (minimum == maximum ? Integer.toString(minimum) : minimum + " or " + maximum));
        }
    }

    private static Property status(byte flags) {
        return Property.of((flags & 0x01) != 0 ? "occupied" : "free");
    }
}
