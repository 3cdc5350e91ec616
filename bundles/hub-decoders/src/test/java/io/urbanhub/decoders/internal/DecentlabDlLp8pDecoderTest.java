package io.urbanhub.decoders.internal;

import static io.urbanhub.decoders.internal.PropertyAssertions.assertQuantity;
import static io.urbanhub.decoders.internal.PropertyAssertions.assertValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.UnitCodes;

class DecentlabDlLp8pDecoderTest {

    private final DecentlabDlLp8pDecoder decoder = new DecentlabDlLp8pDecoder();
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("decentlab-dl-lp8p-codec.yaml");

    @Test
    void decodesEveryDeviceRepositoryVectorLikeTheVendorCodec() throws Exception {
        assertEquals(3, vectors.size(), "a vector was added: test it");
        for (JsonNode vector : vectors) {
            JsonNode expected = DeviceRepositoryVectors.data(vector);
            Map<String, Property> properties = decoder.decode(DeviceRepositoryVectors.port(vector),
                    DeviceRepositoryVectors.bytes(vector)).properties();
            int decoded = 1;
            assertQuantity(value(expected, "battery_voltage"), UnitCodes.VOLT, properties.get("batteryVoltage"));
            if (expected.has("air_temperature")) {
                assertQuantity(value(expected, "air_temperature"), UnitCodes.DEGREE_CELSIUS, properties.get("temperature"));
                assertEquals("%", expected.at("/air_humidity/unit").asText());
                assertQuantity(value(expected, "air_humidity"), UnitCodes.PERCENT, properties.get("relativeHumidity"));
                assertEquals("Pa", expected.at("/barometric_pressure/unit").asText());
                assertQuantity(value(expected, "barometric_pressure") / 100, UnitCodes.HECTOPASCAL,
                        properties.get("atmosphericPressure"));
                assertQuantity(value(expected, "barometer_temperature"), UnitCodes.DEGREE_CELSIUS,
                        properties.get("barometerTemperature"));
                decoded += 4;
            }
            if (expected.has("co2_concentration")) {
                assertQuantity(value(expected, "co2_concentration"), UnitCodes.PARTS_PER_MILLION, properties.get("co2"));
                assertQuantity(value(expected, "co2_concentration_lpf"), UnitCodes.PARTS_PER_MILLION,
                        properties.get("co2Filtered"));
                assertQuantity(value(expected, "co2_sensor_temperature"), UnitCodes.DEGREE_CELSIUS,
                        properties.get("co2SensorTemperature"));
                assertQuantity(value(expected, "capacitor_voltage_1"), UnitCodes.VOLT, properties.get("capacitorVoltage1"));
                assertQuantity(value(expected, "capacitor_voltage_2"), UnitCodes.VOLT, properties.get("capacitorVoltage2"));
                assertValue(expected.at("/co2_sensor_status/value").asInt(), properties.get("co2SensorStatus"));
                assertValue(expected.at("/raw_ir_reading/value").asInt(), properties.get("rawIrReading"));
                assertValue(expected.at("/raw_ir_reading_lpf/value").asInt(), properties.get("rawIrReadingFiltered"));
                decoded += 8;
            }
            assertEquals(decoded, properties.size(), properties.keySet().toString());
        }
    }

    private static double value(JsonNode data, String name) {
        return data.get(name).get("value").asDouble();
    }
}
