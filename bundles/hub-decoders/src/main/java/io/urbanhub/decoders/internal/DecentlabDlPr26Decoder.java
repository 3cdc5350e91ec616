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
 * Decentlab DL-PR26 pressure / liquid level and temperature sensor (a Keller series 26 transmitter) hung
 * in a groundwater well, as the vendor's codec reads it: pressure, temperature and battery in the
 * Decentlab frame. The payload does not say the probe's pressure range, so it is configured (PID
 * {@value #PID}, in bar); the default 0 to 1 bar is the device repository's {@code dl-pr26-0-1}.
 *
 * <p>The entity is a Smart Data Model {@code WaterObserved}. A vented probe measures the pressure of the
 * water column above it, so {@code height} (the model's water level) is that column in metres of fresh
 * water; the probe's depth below ground is the installation's. {@code pressure} in bar and
 * {@code temperature} of the water keep the probe's own readings, which the model has no names for.
 */
@Component(configurationPid = DecentlabDlPr26Decoder.PID,
        property = PayloadDecoder.DEVICE_TYPE + "=" + DecentlabDlPr26Decoder.DEVICE_TYPE)
public class DecentlabDlPr26Decoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "decentlab-dl-pr26";
    static final String PID = "io.urbanhub.decoders.decentlab.pr26";
    /** Metres of fresh water per bar: 100 000 Pa / (1000 kg/m³ × 9.80665 m/s²). */
    private static final double METRES_PER_BAR = 100_000 / (1000 * 9.80665);

    @interface Config {
        double rangeMinimumBar() default 0;

        double rangeMaximumBar() default 1;
    }

    private final double minimum;
    private final double maximum;

    @Activate
    public DecentlabDlPr26Decoder(Config config) {
        this(config.rangeMinimumBar(), config.rangeMaximumBar());
    }

    DecentlabDlPr26Decoder(double minimumBar, double maximumBar) {
        if (!(maximumBar > minimumBar)) {
            throw new IllegalArgumentException("DL-PR26 pressure range " + minimumBar + " to " + maximumBar
                    + " bar is empty: rangeMaximumBar must be above rangeMinimumBar");
        }
        this.minimum = minimumBar;
        this.maximum = maximumBar;
    }

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        DecentlabFrame frame = DecentlabFrame.read("DL-PR26", port, payload, 2, 1);
        Map<String, Property> properties = new LinkedHashMap<>();
        int[] probe = frame.sensor(0);
        if (probe != null) {
            // the transmitter maps its range onto the words 16384 to 49152
            double pressure = (probe[0] - 16384) / 32768.0 * (maximum - minimum) + minimum;
            // below atmospheric pressure there is no water above the probe
            double height = Math.max(0, pressure) * METRES_PER_BAR;
            properties.put("height", Property.of(Bytes.round(height, 3), UnitCodes.METRE));
            properties.put("pressure", Property.of(pressure, Units.BAR));
            properties.put("temperature", Property.of((probe[1] - 384) * 0.003125 - 50, UnitCodes.DEGREE_CELSIUS));
        }
        int[] battery = frame.sensor(1);
        if (battery != null) {
            properties.put("batteryVoltage", Property.of(battery[0] / 1000.0, UnitCodes.VOLT));
        }
        return new Decoded(properties, List.of());
    }
}
