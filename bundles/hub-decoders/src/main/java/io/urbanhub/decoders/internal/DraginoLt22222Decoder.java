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
 * Dragino LT-22222-L I/O controller as it watches a pump station: digital inputs (pump running, float
 * switches), transistor and relay outputs (pump contactors), 4–20 mA and 0–30 V analog inputs, pulse
 * counters, in the six work modes of the vendor's manual (FPort 2), and its device status (FPort 5). It
 * reports the LT-33222-L's third input and output as well, since both share one payload.
 *
 * <p>The entity is a Smart Data Model {@code Device}: the controller itself, whose I/O state is one
 * reading. {@code DeviceMeasurement} would need one entity per channel, but one uplink gives one
 * observation of one entity, and a pump station is read as a whole. The Device model has no I/O
 * properties, so they carry the vendor's meaning in camelCase: {@code digitalInput1} "high"/"low",
 * {@code digitalOutput1} "high"/"low", {@code relay1} "on"/"off" (as the vendor's codec says them).
 */
@Component(property = PayloadDecoder.DEVICE_TYPE + "=" + DraginoLt22222Decoder.DEVICE_TYPE)
public class DraginoLt22222Decoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "dragino-lt22222-l";
    private static final int DATA_PORT = 2;
    private static final int STATUS_PORT = 5;
    private static final int DATA_LENGTH = 11;
    private static final int STATUS_LENGTH = 7;
    private static final String[] WORK_MODES = {
        "2ACI+2AVI", "Count mode 1", "2ACI+1Count", "Count mode 2", "1ACI+2AVI+1Count", "Trigger mode"};
    /** The bits of the trigger status byte in mode 6, most significant first. */
    private static final String[] ANALOG_TRIGGERS = {
        "analogVoltage1Low", "analogVoltage1High", "analogVoltage2Low", "analogVoltage2High",
        "analogCurrent1Low", "analogCurrent1High", "analogCurrent2Low", "analogCurrent2High"};

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        if (port == STATUS_PORT) {
            return deviceStatus(payload);
        }
        if (port != DATA_PORT) {
            throw new DecodingException("unknown FPort " + port
                    + " (the LT-22222-L sends its I/O on FPort 2 and its status on FPort 5)");
        }
        if (payload.length != DATA_LENGTH) {
            throw new DecodingException("LT-22222-L payload has " + payload.length + " bytes, expected " + DATA_LENGTH);
        }
        int modeByte = Bytes.unsigned8(payload, 10);
        int mode = modeByte & 0x3F;
        if (mode < 1 || mode > WORK_MODES.length) {
            throw new DecodingException("LT-22222-L work mode " + mode + " is unknown (the vendor documents 1 to 6)");
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        properties.put("workMode", Property.of(WORK_MODES[mode - 1]));
        int hardware = modeByte >> 6;
        int status = Bytes.unsigned8(payload, 8);
        if (hardware == 0) {
            properties.put("hardwareModel", Property.of("LT-33222-L"));
            properties.put("digitalOutput3", level((status & 0x04) == 0));
        } else if (hardware == 1) {
            properties.put("hardwareModel", Property.of("LT-22222-L"));
        } else {
            warnings.add("hardware code " + hardware + " is unknown");
        }
        if (mode == 6) {
            triggers(payload, properties);
        } else {
            outputs(status, properties);
            measurements(mode, payload, properties);
            if (mode == 1) {
                properties.put("digitalInput1", level((status & 0x08) != 0));
                properties.put("digitalInput2", level((status & 0x10) != 0));
                if (hardware == 0) {
                    properties.put("digitalInput3", level((status & 0x20) != 0));
                }
            } else {
                // in the counting modes this bit says the counters restarted from zero
                properties.put("firstUplinkAfterJoin", Property.of((status & 0x20) != 0));
            }
        }
        return new Decoded(properties, warnings);
    }

    private static void outputs(int status, Map<String, Property> properties) {
        // a set bit means the open-collector output conducts, so the pin is low
        properties.put("digitalOutput1", level((status & 0x01) == 0));
        properties.put("digitalOutput2", level((status & 0x02) == 0));
        properties.put("relay1", Property.of((status & 0x80) != 0 ? "on" : "off"));
        properties.put("relay2", Property.of((status & 0x40) != 0 ? "on" : "off"));
    }

    private static void measurements(int mode, byte[] payload, Map<String, Property> properties) {
        switch (mode) {
            case 1 -> {
                analogVoltages(payload, properties);
                properties.put("analogCurrent1", milliampere(payload, 4));
                properties.put("analogCurrent2", milliampere(payload, 6));
            }
            case 2 -> {
                properties.put("pulseCount1", Property.of(Bytes.unsigned32(payload, 0)));
                properties.put("pulseCount2", Property.of(Bytes.unsigned32(payload, 4)));
            }
            case 3 -> {
                properties.put("pulseCount1", Property.of(Bytes.unsigned32(payload, 0)));
                properties.put("analogCurrent1", milliampere(payload, 4));
                properties.put("analogCurrent2", milliampere(payload, 6));
            }
            case 4 -> {
                properties.put("pulseCount1", Property.of(Bytes.unsigned32(payload, 0)));
                properties.put("analogVoltage1Count", Property.of(Bytes.unsigned32(payload, 4)));
            }
            default -> {
                analogVoltages(payload, properties);
                properties.put("analogCurrent1", milliampere(payload, 4));
                properties.put("pulseCount1", Property.of(Bytes.unsigned16(payload, 6)));
            }
        }
    }

    private static void analogVoltages(byte[] payload, Map<String, Property> properties) {
        properties.put("analogVoltage1", Property.of(Bytes.signed16(payload, 0) / 1000.0, UnitCodes.VOLT));
        properties.put("analogVoltage2", Property.of(Bytes.signed16(payload, 2) / 1000.0, UnitCodes.VOLT));
    }

    /** Mode 6 reports which limit or input caused the uplink instead of the readings. */
    private static void triggers(byte[] payload, Map<String, Property> properties) {
        List<String> causes = new ArrayList<>();
        int analog = Bytes.unsigned8(payload, 1);
        for (int bit = 0; bit < ANALOG_TRIGGERS.length; bit++) {
            if ((analog & 0x80 >> bit) != 0) {
                causes.add(ANALOG_TRIGGERS[bit]);
            }
        }
        int digital = Bytes.unsigned8(payload, 2);
        if ((digital & 0x02) != 0) {
            causes.add("digitalInput1");
        }
        if ((digital & 0x08) != 0) {
            causes.add("digitalInput2");
        }
        properties.put("triggeredBy", Property.of(causes.isEmpty() ? "none" : String.join(", ", causes)));
        properties.put("triggerModeEnabled", Property.of(payload[9] != 0));
    }

    private static Decoded deviceStatus(byte[] payload) throws DecodingException {
        if (payload.length != STATUS_LENGTH) {
            throw new DecodingException("LT-22222-L device status has " + payload.length + " bytes, expected " + STATUS_LENGTH);
        }
        int minor = Bytes.unsigned8(payload, 3);
        String firmware = (payload[2] & 0x0F) + "." + (minor >> 4) + "." + (minor & 0x0F);
        long interval = (long) Bytes.unsigned8(payload, 4) << 16 | Bytes.unsigned16(payload, 5);
        Map<String, Property> properties = new LinkedHashMap<>();
        properties.put("firmwareVersion", Property.of(firmware));
        properties.put("uplinkInterval", Property.of((double) interval, UnitCodes.SECOND));
        return new Decoded(properties, List.of());
    }

    private static Property level(boolean high) {
        return Property.of(high ? "high" : "low");
    }

    private static Property milliampere(byte[] payload, int offset) {
        return Property.of(Bytes.signed16(payload, offset) / 1000.0, Units.MILLIAMPERE);
    }
}
