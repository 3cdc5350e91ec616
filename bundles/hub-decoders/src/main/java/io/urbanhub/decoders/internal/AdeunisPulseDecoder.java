package io.urbanhub.decoders.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.api.spi.PayloadDecoder;

/**
 * Adeunis Pulse (firmware 4) counting the pulses of a water meter, frames as the vendor's codec reads
 * them: counters of both channels (0x46), of one channel with its history (0x5a, 0x5b), keep-alive with
 * alarms (0x30), flow alarm (0x47), and the configuration frames, of which only the status byte is read.
 * The frame code says what a frame is, and the vendor's codec reads it on any FPort, so the port is not
 * checked.
 *
 * <p>The entity is a Smart Data Model {@code WaterConsumptionObserved}: channel A is the meter, its
 * counter times the meter's pulse weight is {@code waterConsumption} in litres. The payload does not say
 * the weight, so it is configured (PID {@value #PID}); {@code pulseCount} keeps the raw count either
 * way. A second meter on channel B gets {@code waterConsumptionChannelB}. Alarms are numbers 0 or 1 as
 * the model's {@code alarmTamper} is. The counters' history and the frame's own timestamp are not
 * kept: an observation is one moment, the uplink's.
 */
@Component(configurationPid = AdeunisPulseDecoder.PID,
        property = PayloadDecoder.DEVICE_TYPE + "=" + AdeunisPulseDecoder.DEVICE_TYPE)
public class AdeunisPulseDecoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "adeunis-pulse";
    static final String PID = "io.urbanhub.decoders.adeunis.pulse";
    private static final int TIMESTAMP_LENGTH = 4;

    @interface Config {
        double litresPerPulse() default 1;
    }

    private final double litresPerPulse;

    @Activate
    public AdeunisPulseDecoder(Config config) {
        this(config.litresPerPulse());
    }

    AdeunisPulseDecoder(double litresPerPulse) {
        if (!(litresPerPulse > 0) || Double.isInfinite(litresPerPulse)) {
            throw new IllegalArgumentException("litresPerPulse must be a positive number, not " + litresPerPulse);
        }
        this.litresPerPulse = litresPerPulse;
    }

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        if (payload.length < 2) {
            throw new DecodingException("Adeunis Pulse payload has " + payload.length + " bytes, less than its 2-byte header");
        }
        int code = Bytes.unsigned8(payload, 0);
        int status = Bytes.unsigned8(payload, 1);
        // with this status bit the frame ends in a 4-byte timestamp
        int body = payload.length - ((status & 0x04) != 0 ? TIMESTAMP_LENGTH : 0);
        Map<String, Property> properties = new LinkedHashMap<>();
        switch (code) {
            case 0x46 -> {
                requireLength(code, body, 10);
                counter(Bytes.unsigned32(payload, 2), "", properties);
                counter(Bytes.unsigned32(payload, 6), "ChannelB", properties);
            }
            case 0x5a, 0x5b -> {
                // the current counter, then the decrements to earlier samples, two bytes each
                if (body < 6 || (body - 6) % 2 != 0) {
                    throw new DecodingException(frameName(code) + " has " + payload.length + " bytes, which is not "
                            + "6 plus 2 per earlier sample (plus 4 with a timestamp)");
                }
                counter(Bytes.unsigned32(payload, 2), code == 0x5a ? "" : "ChannelB", properties);
            }
            case 0x30 -> {
                requireLength(code, body, 11);
                alarms(Bytes.unsigned8(payload, 2), properties);
            }
            case 0x47 -> {
                requireLength(code, body, 6);
                properties.put("alarmFlow", Property.of(1));
                properties.put("alarmInProgress", Property.of(1));
            }
            case 0x10, 0x11, 0x12, 0x20, 0x33 -> {
                // configuration and register answers: nothing of the meter, only the status byte below
            }
            default -> throw new DecodingException("Adeunis Pulse frame code " + Bytes.hex(payload, 0, 1) + " is unknown");
        }
        properties.put("lowBattery", Property.of((status & 0x02) != 0));
        return new Decoded(properties, List.of());
    }

    private void counter(long pulses, String channel, Map<String, Property> properties) {
        properties.put("waterConsumption" + channel, Property.of(pulses * litresPerPulse, UnitCodes.LITRE));
        properties.put("pulseCount" + channel, Property.of(pulses));
    }

    private static void alarms(int flags, Map<String, Property> properties) {
        properties.put("alarmFlow", flag(flags, 0x01));
        properties.put("alarmTamper", flag(flags, 0x04));
        properties.put("alarmLeakage", flag(flags, 0x10));
        properties.put("alarmFlowChannelB", flag(flags, 0x02));
        properties.put("alarmTamperChannelB", flag(flags, 0x08));
        properties.put("alarmLeakageChannelB", flag(flags, 0x20));
        properties.put("alarmInProgress", flag(flags, 0x3F));
    }

    private static Property flag(int flags, int mask) {
        return Property.of((flags & mask) != 0 ? 1 : 0);
    }

    private static void requireLength(int code, int body, int expected) throws DecodingException {
        if (body != expected) {
            throw new DecodingException(frameName(code) + " has " + body + " bytes before any timestamp, expected " + expected);
        }
    }

    private static String frameName(int code) {
        return String.format("Adeunis Pulse frame %02x", code);
    }
}
