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
 * B METERS IWM-LR3 LoRaWAN module on a water meter, the periodic report on FPort 1 as the vendor's user
 * manual (v1.0) describes it: application code, the absolute counter and the reverse flow counter as
 * eight BCD digits least significant byte first (they roll over at 99 999 999), index K, medium, the
 * M-Bus VIF that gives the counter's unit, the alarm bits, and with temperature enabled two more bytes.
 * The device repository's codec reads the counters as binary and the alarms as one number; the manual
 * is followed here. The temperature bytes are not read: their coding is in a supplement that is not
 * public.
 *
 * <p>The entity is a Smart Data Model {@code WaterConsumptionObserved}: {@code waterConsumption} in
 * litres, {@code waterType} "hotWater" for the hot water medium, and the alarms as the model's numbers
 * 0 or 1 where it has one: magnetic or sensor fraud is {@code alarmTamper}, removal is
 * {@code moduleTampered}, reverse flow is {@code alarmWaterQuality} (the model's backflow alarm).
 */
@Component(property = PayloadDecoder.DEVICE_TYPE + "=" + BmetersIwmLr3Decoder.DEVICE_TYPE)
public class BmetersIwmLr3Decoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "b-meters-iwm-lr3";
    private static final int DATA_PORT = 1;
    private static final int LENGTH = 13;
    private static final int LENGTH_WITH_TEMPERATURE = 15;
    /** M-Bus VIF 0x13 is litres, each next code ten times more, up to 0x16 for cubic metres. */
    private static final int VIF_LITRES = 0x13;
    private static final int VIF_CUBIC_METRES = 0x16;
    private static final int HOT_WATER = 1;

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        if (port != DATA_PORT) {
            throw new DecodingException("unknown FPort " + port + " (the IWM-LR3 sends its reports on FPort 1)");
        }
        if (payload.length != LENGTH && payload.length != LENGTH_WITH_TEMPERATURE) {
            throw new DecodingException("IWM-LR3 payload has " + payload.length + " bytes, expected "
                    + LENGTH + " or " + LENGTH_WITH_TEMPERATURE);
        }
        int vif = Bytes.unsigned8(payload, 11);
        if (vif < VIF_LITRES || vif > VIF_CUBIC_METRES) {
            throw new DecodingException("IWM-LR3 VIF " + Bytes.hex(payload, 11, 1)
                    + " is not a volume (13 for litres up to 16 for cubic metres)");
        }
        long counter = bcd(payload, 1, "counter");
        // the manual: the reverse flow counter is always in litres
        long reverse = bcd(payload, 5, "reverse flow counter");
        Map<String, Property> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        properties.put("waterConsumption", Property.of((double) counter * (long) Math.pow(10, vif - VIF_LITRES), UnitCodes.LITRE));
        properties.put("reverseFlowVolume", Property.of((double) reverse, UnitCodes.LITRE));
        int medium = Bytes.unsigned8(payload, 10);
        if (medium == HOT_WATER) {
            properties.put("waterType", Property.of("hotWater"));
        } else if (medium != 0) {
            warnings.add("medium " + medium + " is unknown");
        }
        int alarms = Bytes.unsigned8(payload, 12);
        properties.put("alarmTamper", flag(alarms, 0x01 | 0x04));
        properties.put("moduleTampered", flag(alarms, 0x02));
        properties.put("alarmLeakage", flag(alarms, 0x08));
        properties.put("alarmWaterQuality", flag(alarms, 0x10));
        properties.put("lowBattery", Property.of((alarms & 0x20) != 0));
        properties.put("alarmInProgress", flag(alarms, 0x3F));
        return new Decoded(properties, warnings);
    }

    private static long bcd(byte[] payload, int offset, String name) throws DecodingException {
        long value = Bytes.bcd32LittleEndian(payload, offset);
        if (value < 0) {
            throw new DecodingException("IWM-LR3 " + name + " bytes " + Bytes.hex(payload, offset, 4) + " are not BCD digits");
        }
        return value;
    }

    private static Property flag(int flags, int mask) {
        return Property.of((flags & mask) != 0 ? 1 : 0);
    }
}
