package io.urbanhub.decoders.internal;

import static io.urbanhub.decoders.internal.PropertyAssertions.assertQuantity;
import static io.urbanhub.decoders.internal.PropertyAssertions.assertValue;
import static io.urbanhub.decoders.internal.PropertyAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Decoded;

class DecentlabDlMbxDecoderTest {

    private final DecentlabDlMbxDecoder decoder = new DecentlabDlMbxDecoder();
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("decentlab-dl-mbx-codec.yaml");

    @Test
    void decodesEveryDeviceRepositoryVectorLikeTheVendorCodec() throws Exception {
        assertEquals(2, vectors.size(), "a vector was added: test it");
        for (JsonNode vector : vectors) {
            JsonNode expected = DeviceRepositoryVectors.data(vector);
            Decoded decoded = decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector));
            Map<String, Property> properties = decoded.properties();

            assertQuantity(expected.at("/battery_voltage/value").asDouble(), UnitCodes.VOLT, properties.get("batteryVoltage"));
            if (expected.has("distance")) {
                assertEquals("mm", expected.at("/distance/unit").asText());
                assertQuantity(expected.at("/distance/value").asDouble(), Units.MILLIMETRE, properties.get("distance"));
                assertValue(expected.at("/number_of_valid_samples/value").asInt(), properties.get("validSamples"));
                assertEquals(3, properties.size());
            } else {
                assertEquals(1, properties.size());
            }
            assertEquals(List.of(), decoded.warnings());
        }
    }

    @Test
    void warnsInsteadOfADistanceWithoutAValidSample() throws Exception {
        Decoded decoded = decoder.decode(1, hex("02 01 2f 00 01 00 00 00 00"));
        assertTrue(!decoded.properties().containsKey("distance"));
        assertValue(0, decoded.properties().get("validSamples"));
        assertEquals(List.of("no valid ultrasonic sample: no distance"), decoded.warnings());
    }
}
