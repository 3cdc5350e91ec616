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
 * Dragino PS-LB pressure and water level sensor with a 4–20 mA probe, as in groundwater wells: uplinks
 * on FPort 2 as the vendor's manual and decoder (v1.2.7) give them (battery, probe model, loop current,
 * voltage input, and a pulse count on firmware that sends 13 bytes), and the device status on FPort 5.
 *
 * <p>The entity is a Smart Data Model {@code WaterObserved}: the water at the probe. An immersion probe
 * gives the water column above it as {@code height} in metres (the model's water level; the depth of
 * the well is the installation's, not the payload's); a thread-mounted pressure probe gives
 * {@code pressure} in kPa, which the model has no name for. The probe's range is in the payload, so the
 * level needs no configuration.
 */
@Component(property = PayloadDecoder.DEVICE_TYPE + "=" + DraginoPsLbDecoder.DEVICE_TYPE)
public class DraginoPsLbDecoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "dragino-ps-lb";
    private static final int DATA_PORT = 2;
    private static final int STATUS_PORT = 5;
    private static final int DATA_LENGTH = 9;
    private static final int DATA_WITH_COUNT_LENGTH = 13;
    private static final int STATUS_LENGTH = 7;
    private static final int SENSOR_MODEL = 0x16;
    private static final int IMMERSION_PROBE = 0x00;
    private static final int PRESSURE_PROBE = 0x01;
    private static final int DIFFERENTIAL_PRESSURE_PROBE = 0x02;
    /** NAMUR NE 43: a loop current outside these limits is a broken wire or a faulty probe, not a reading. */
    private static final double LOOP_FAULT_BELOW = 3.6;
    private static final double LOOP_FAULT_ABOVE = 21.0;
    /** Full-scale ranges in kPa of the pressure probes, by the range code of the payload (1 to 12). */
    private static final double[][] PRESSURE_RANGES = {
        {0, 600}, {0, 1000}, {0, 1600}, {0, 2500}, {0, 10_000}, {0, 40_000}, {0, 60_000},
        {0, -100}, {-100, 100}, {0, 5}, {0, 50}, {0, 100}};

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        if (port == STATUS_PORT) {
            return deviceStatus(payload);
        }
        if (port == 3 || port == 7 || port == 8) {
            throw new DecodingException("FPort " + port + " carries the PS-LB's data log, which is not decoded");
        }
        if (port != DATA_PORT) {
            throw new DecodingException("unknown FPort " + port + " (the PS-LB sends its readings on FPort 2)");
        }
        if (payload.length != DATA_LENGTH && payload.length != DATA_WITH_COUNT_LENGTH) {
            throw new DecodingException("PS-LB payload has " + payload.length + " bytes, expected "
                    + DATA_LENGTH + " or " + DATA_WITH_COUNT_LENGTH);
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        properties.put("batteryVoltage", Property.of(Bytes.unsigned16(payload, 0) / 1000.0, UnitCodes.VOLT));
        double current = Bytes.unsigned16(payload, 4) / 1000.0;
        properties.put("analogCurrent", Property.of(current, Units.MILLIAMPERE));
        properties.put("analogVoltage", Property.of(Bytes.unsigned16(payload, 6) / 1000.0, UnitCodes.VOLT));
        if (current < LOOP_FAULT_BELOW || current > LOOP_FAULT_ABOVE) {
            warnings.add("probe current " + current + " mA is outside the 4-20 mA loop: probe unplugged or faulty");
        } else {
            probeReading(Bytes.unsigned8(payload, 2), Bytes.unsigned8(payload, 3), current, properties, warnings);
        }
        if (payload.length == DATA_WITH_COUNT_LENGTH) {
            properties.put("pulseCount", Property.of(Bytes.unsigned32(payload, 9)));
        }
        return new Decoded(properties, warnings);
    }

    private static void probeReading(int probe, int range, double current, Map<String, Property> properties,
                                     List<String> warnings) {
        // 4 mA is the bottom of the range, 20 mA its top; the small overshoot a loop allows is clipped
        double fraction = Math.min(1, Math.max(0, (current - 4) / 16));
        if (probe == IMMERSION_PROBE) {
            // the range byte is the probe's full scale in metres of water
            properties.put("height", Property.of(Bytes.round(fraction * range, 3), UnitCodes.METRE));
        } else if (probe == PRESSURE_PROBE && range >= 1 && range <= PRESSURE_RANGES.length) {
            double[] limits = PRESSURE_RANGES[range - 1];
            double pressure = limits[0] + fraction * (limits[1] - limits[0]);
            properties.put("pressure", Property.of(Bytes.round(pressure, 3), Units.KILOPASCAL));
        } else if (probe == DIFFERENTIAL_PRESSURE_PROBE) {
            warnings.add("differential pressure probes are not decoded");
        } else {
            warnings.add("probe model " + String.format("%02x%02x", probe, range) + " is unknown");
        }
    }

    private static Decoded deviceStatus(byte[] payload) throws DecodingException {
        if (payload.length != STATUS_LENGTH) {
            throw new DecodingException("PS-LB device status has " + payload.length + " bytes, expected " + STATUS_LENGTH);
        }
        List<String> warnings = new ArrayList<>();
        if (Bytes.unsigned8(payload, 0) != SENSOR_MODEL) {
            warnings.add("device status names sensor model " + Bytes.hex(payload, 0, 1) + ", not the PS-LB's 16");
        }
        int minor = Bytes.unsigned8(payload, 2);
        Map<String, Property> properties = new LinkedHashMap<>();
        properties.put("firmwareVersion", Property.of((payload[1] & 0x0F) + "." + (minor >> 4) + "." + (minor & 0x0F)));
        properties.put("batteryVoltage", Property.of(Bytes.unsigned16(payload, 5) / 1000.0, UnitCodes.VOLT));
        return new Decoded(properties, warnings);
    }
}
