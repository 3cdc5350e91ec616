package io.urbanhub.decoders.internal;

import static io.urbanhub.decoders.internal.PropertyAssertions.assertQuantity;
import static io.urbanhub.decoders.internal.PropertyAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;

class DecentlabDlPr26DecoderTest {

    /** The range of the repository's dl-pr26-0-1 codec, and the default of the configuration. */
    private final DecentlabDlPr26Decoder decoder = new DecentlabDlPr26Decoder(0, 1);
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("decentlab-dl-pr26-0-1-codec.yaml");

    @Test
    void decodesEveryDeviceRepositoryVectorLikeTheVendorCodec() throws Exception {
        assertEquals(2, vectors.size(), "a vector was added: test it");
        for (JsonNode vector : vectors) {
            JsonNode expected = DeviceRepositoryVectors.data(vector);
            Map<String, Property> properties = decoder.decode(DeviceRepositoryVectors.port(vector),
                    DeviceRepositoryVectors.bytes(vector)).properties();

            assertQuantity(expected.at("/battery_voltage/value").asDouble(), UnitCodes.VOLT, properties.get("batteryVoltage"));
            if (expected.has("pressure")) {
                assertQuantity(expected.at("/pressure/value").asDouble(), Units.BAR, properties.get("pressure"));
                assertQuantity(expected.at("/temperature/value").asDouble(), UnitCodes.DEGREE_CELSIUS,
                        properties.get("temperature"));
                // the probe hangs in air: a slightly negative pressure, no water above it
                assertQuantity(0, UnitCodes.METRE, properties.get("height"));
                assertEquals(4, properties.size());
            } else {
                assertEquals(1, properties.size());
            }
        }
    }

    @Test
    void givesTheWaterColumnAboveTheProbeInMetres() throws Exception {
        // 0x8000 is the middle of the 0 to 1 bar range: 0.5 bar, 5.099 m of fresh water
        Decoded decoded = decoder.decode(1, hex("02 01 67 00 01 80 00 60 17"));
        assertQuantity(0.5, Units.BAR, decoded.properties().get("pressure"));
        assertQuantity(5.099, UnitCodes.METRE, decoded.properties().get("height"));
    }

    @Test
    void scalesToTheConfiguredRange() throws Exception {
        Decoded decoded = new DecentlabDlPr26Decoder(0, 10).decode(1, hex("02 01 67 00 01 80 00 60 17"));
        assertQuantity(5, Units.BAR, decoded.properties().get("pressure"));
    }

    @Test
    void refusesAnEmptyRangeOnActivation() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new DecentlabDlPr26Decoder(1, 1));
        assertEquals("DL-PR26 pressure range 1.0 to 1.0 bar is empty: rangeMaximumBar must be above rangeMinimumBar",
                error.getMessage());
    }

    @Test
    void refusesAnotherProtocolVersionAsTheVendorCodecDoes() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(1, hex("03 01 67 00 02 0c 7f")));
        assertEquals("protocol version 3 doesn't match v2", error.getMessage());
    }

    @Test
    void refusesAFrameShorterThanItsFlagsAnnounce() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(1, hex("02 01 67 00 03 3e 80")));
        assertEquals("DL-PR26 payload has 7 bytes, its flags 00 03 announce 11", error.getMessage());
    }

    @Test
    void refusesFlagsOfSensorsTheDeviceDoesNotHave() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(1, hex("02 01 67 00 04 0c 7f")));
        assertEquals("DL-PR26 flags 00 04 name sensors the DL-PR26 does not have", error.getMessage());
    }

    @Test
    void refusesAFrameWithoutReadings() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(1, hex("02 01 67 00 00")));
        assertEquals("DL-PR26 payload carries no readings (flags 00 00)", error.getMessage());
    }

    @Test
    void refusesOtherPorts() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(2, hex("02 01 67 00 02 0c 7f")));
        assertEquals("unknown FPort 2 (Decentlab sensors send their readings on FPort 1)", error.getMessage());
    }
}
