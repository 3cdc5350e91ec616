package io.urbanhub.decoders.internal;

import static io.urbanhub.decoders.internal.PropertyAssertions.assertQuantity;
import static io.urbanhub.decoders.internal.PropertyAssertions.assertValue;
import static io.urbanhub.decoders.internal.PropertyAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;

class BoschTps110DecoderTest {

    private final BoschTps110Decoder decoder = new BoschTps110Decoder();
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("bosch-tps110-0292-codec.yaml");

    @Test
    void decodesEveryDeviceRepositoryVectorLikeTheVendorCodec() throws Exception {
        assertEquals(3, vectors.size(), "a vector was added: test it");
        for (JsonNode vector : vectors) {
            JsonNode expected = DeviceRepositoryVectors.data(vector);
            Decoded decoded = decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector));
            Map<String, Property> properties = decoded.properties();

            assertValue(expected.get("occupied").asBoolean() ? "occupied" : "free", properties.get("status"));
            int decodedProperties = 1;
            if (expected.has("temperature")) {
                assertQuantity(expected.get("temperature").asDouble(), UnitCodes.DEGREE_CELSIUS, properties.get("temperature"));
                decodedProperties++;
            }
            if (expected.has("firmwareVersion")) {
                assertValue(expected.get("firmwareVersion").asText(), properties.get("firmwareVersion"));
                assertValue(expected.get("resetCause").asText(), properties.get("resetCause"));
                List<String> codes = new ArrayList<>();
                expected.get("debugCodes").forEach(code -> codes.add(code.asText()));
                assertValue(String.join(", ", codes), properties.get("debugCodes"));
                decodedProperties += 3;
            }
            assertEquals(decodedProperties, properties.size(), properties.keySet().toString());
            assertEquals(List.of(), decoded.warnings());
        }
    }

    @Test
    void reportsAFreeSpace() throws Exception {
        assertValue("free", decoder.decode(1, hex("00")).properties().get("status"));
    }

    @Test
    void refusesTheDiagnosticFramesWithWhatTheyAre() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(5, hex("01 02 03")));
        assertEquals("FPort 5 carries the TPS110's device usage, not a parking status", error.getMessage());
    }

    @Test
    void refusesAnUnknownFPort() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(9, hex("01")));
        assertEquals("unknown FPort 9 (the TPS110 sends on FPorts 1 to 6)", error.getMessage());
    }

    @Test
    void refusesAStatusOfTheWrongLength() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(1, hex("01 00")));
        assertEquals("TPS110 parking status has 2 bytes, expected 1", error.getMessage());
        assertThrows(DecodingException.class, () -> decoder.decode(2, new byte[0]));
    }
}
