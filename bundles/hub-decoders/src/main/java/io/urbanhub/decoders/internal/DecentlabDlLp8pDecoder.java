package io.urbanhub.decoders.internal;

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
 * Decentlab DL-LP8P CO2, temperature, humidity and barometric pressure sensor (Senseair LP8, Sensirion
 * SHT, a barometer), as the vendor's codec reads it from the Decentlab frame.
 *
 * <p>The entity is a Smart Data Model {@code AirQualityObserved}: {@code co2} in ppm, {@code temperature}
 * and {@code relativeHumidity}. The model's examples give the humidity as a fraction of 1 without a
 * unit; the hub gives it in percent with the unit code P1, like the LHT65 decoder, so the unit says which.
 * {@code atmosphericPressure} in hPa is named as in {@code WeatherObserved}. The LP8's diagnostics
 * (filtered CO2, its own temperature, capacitor voltages, status, raw infrared readings) keep the
 * vendor's names in camelCase.
 */
@Component(property = PayloadDecoder.DEVICE_TYPE + "=" + DecentlabDlLp8pDecoder.DEVICE_TYPE)
public class DecentlabDlLp8pDecoder implements PayloadDecoder {

    static final String DEVICE_TYPE = "decentlab-dl-lp8p";
    /** The LP8 sends its CO2 values and temperature offset by 2^15 so that they fit an unsigned word. */
    private static final int LP8_OFFSET = 32768;

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        DecentlabFrame frame = DecentlabFrame.read("DL-LP8P", port, payload, 2, 2, 8, 1);
        Map<String, Property> properties = new LinkedHashMap<>();
        int[] air = frame.sensor(0);
        if (air != null) {
            properties.put("temperature", Property.of(175.72 * air[0] / 65536 - 46.85, UnitCodes.DEGREE_CELSIUS));
            // the SHT's formula overshoots a little at both ends; Sensirion says to clip it
            double humidity = Math.min(100, Math.max(0, 125.0 * air[1] / 65536 - 6));
            properties.put("relativeHumidity", Property.of(humidity, UnitCodes.PERCENT));
        }
        int[] barometer = frame.sensor(1);
        if (barometer != null) {
            properties.put("atmosphericPressure", Property.of(barometer[1] * 2 / 100.0, UnitCodes.HECTOPASCAL));
            properties.put("barometerTemperature", Property.of((barometer[0] - 5000) / 100.0, UnitCodes.DEGREE_CELSIUS));
        }
        int[] lp8 = frame.sensor(2);
        if (lp8 != null) {
            properties.put("co2", Property.of(lp8[0] - LP8_OFFSET, UnitCodes.PARTS_PER_MILLION));
            properties.put("co2Filtered", Property.of(lp8[1] - LP8_OFFSET, UnitCodes.PARTS_PER_MILLION));
            properties.put("co2SensorTemperature", Property.of((lp8[2] - LP8_OFFSET) / 100.0, UnitCodes.DEGREE_CELSIUS));
            properties.put("capacitorVoltage1", Property.of(lp8[3] / 1000.0, UnitCodes.VOLT));
            properties.put("capacitorVoltage2", Property.of(lp8[4] / 1000.0, UnitCodes.VOLT));
            properties.put("co2SensorStatus", Property.of(lp8[5]));
            properties.put("rawIrReading", Property.of(lp8[6]));
            properties.put("rawIrReadingFiltered", Property.of(lp8[7]));
        }
        int[] battery = frame.sensor(3);
        if (battery != null) {
            properties.put("batteryVoltage", Property.of(battery[0] / 1000.0, UnitCodes.VOLT));
        }
        return new Decoded(properties, List.of());
    }
}
