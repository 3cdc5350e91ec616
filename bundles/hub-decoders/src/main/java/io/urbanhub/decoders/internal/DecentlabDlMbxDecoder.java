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
 * Decentlab DL-MBX ultrasonic distance / level sensor (a MaxBotix ranger) above water, as the vendor's
 * codec reads it: distance, number of valid samples and battery in the Decentlab frame.
 *
 * <p>The entity is a Smart Data Model {@code WaterObserved}, like the other level sensors of the hub, so
 * that every gauge of a water body is one kind of entity. The sensor measures the {@code distance} down
 * to the surface in millimetres; the model's {@code height} is the mounting height minus that, and the
 * mounting height is the installation's, not the payload's. A burst with no valid sample gives no
 * distance, only a warning.
 */
@Component(property = PayloadDecoder.DEVICE_TYPE + "=" + DecentlabDlMbxDecoder.DEVICE_TYPE)
public class DecentlabDlMbxDecoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "decentlab-dl-mbx";

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        DecentlabFrame frame = DecentlabFrame.read("DL-MBX", port, payload, 2, 1);
        Map<String, Property> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int[] ranger = frame.sensor(0);
        if (ranger != null) {
            properties.put("validSamples", Property.of(ranger[1]));
            if (ranger[1] == 0) {
                warnings.add("no valid ultrasonic sample: no distance");
            } else {
                properties.put("distance", Property.of(ranger[0], Units.MILLIMETRE));
            }
        }
        int[] battery = frame.sensor(1);
        if (battery != null) {
            properties.put("batteryVoltage", Property.of(battery[0] / 1000.0, UnitCodes.VOLT));
        }
        return new Decoded(properties, warnings);
    }
}
