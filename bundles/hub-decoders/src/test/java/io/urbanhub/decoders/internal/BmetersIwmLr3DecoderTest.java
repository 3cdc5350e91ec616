package io.urbanhub.decoders.internal;

import static io.urbanhub.decoders.internal.PropertyAssertions.assertQuantity;
import static io.urbanhub.decoders.internal.PropertyAssertions.assertValue;
import static io.urbanhub.decoders.internal.PropertyAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;

class BmetersIwmLr3DecoderTest {

    private final BmetersIwmLr3Decoder decoder = new BmetersIwmLr3Decoder();
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("b-meters-iwmlr3-codec.yaml");

    @Test
    void refusesTheRepositorysBytesWhoseVifIsWrittenInDecimal() {
        assertEquals(1, vectors.size(), "a vector was added: test it");
        JsonNode vector = vectors.get(0);
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector)));
        assertEquals("IWM-LR3 VIF 0d is not a volume (13 for litres up to 16 for cubic metres)", error.getMessage());
    }

    @Test
    void decodesTheRepositorysExpectedValuesFromTheFrameTheManualDescribes() throws Exception {
        JsonNode expected = DeviceRepositoryVectors.data(vectors.get(0));
        // YAML 1.1 reads the unquoted 00012074 as an octal number; its digits are the counter's BCD digits
        long counter = Long.parseLong(Long.toOctalString(expected.get("valueCounter").asLong()));
        long reverse = Long.parseLong(Long.toOctalString(expected.get("flowCounter").asLong()));
        assertEquals(12074, counter);
        assertEquals(134, reverse);
        assertEquals(13, expected.get("vif").asInt());

        // the repository's bytes with those digits as BCD and VIF 0x13 (litres)
        Decoded decoded = decoder.decode(1, hex("44 74 20 01 00 34 01 00 00 00 00 13 02"));
        Map<String, Property> properties = decoded.properties();
        assertQuantity(counter, UnitCodes.LITRE, properties.get("waterConsumption"));
        assertQuantity(reverse, UnitCodes.LITRE, properties.get("reverseFlowVolume"));
        // alarm byte 02 is bit 1 of the manual: the module was removed
        assertEquals(2, expected.get("alarm").asInt());
        assertValue(1, properties.get("moduleTampered"));
        assertValue(1, properties.get("alarmInProgress"));
        assertValue(0, properties.get("alarmTamper"));
        assertValue(false, properties.get("lowBattery"));
        assertTrue(!properties.containsKey("waterType"), "medium 0 is water");
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void scalesTheCounterByItsVif() throws Exception {
        // VIF 0x16: cubic metres, after the counter rolled over three times
        Decoded decoded = decoder.decode(1, hex("44 01 00 00 00 00 00 00 00 02 01 16 20"));
        assertQuantity(1000, UnitCodes.LITRE, decoded.properties().get("waterConsumption"));
        assertValue("hotWater", decoded.properties().get("waterType"));
        assertValue(true, decoded.properties().get("lowBattery"));
    }

    @Test
    void acceptsTheFrameWithTemperatureBytes() throws Exception {
        Decoded decoded = decoder.decode(1, hex("44 74 20 01 00 00 00 00 00 00 00 13 00 01 1b"));
        assertQuantity(12074, UnitCodes.LITRE, decoded.properties().get("waterConsumption"));
        assertValue(0, decoded.properties().get("alarmInProgress"));
    }

    @Test
    void refusesCountersThatAreNotBcd() {
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(1, hex("44 4a 20 01 00 00 00 00 00 00 00 13 00")));
        assertEquals("IWM-LR3 counter bytes 4a 20 01 00 are not BCD digits", error.getMessage());
    }

    @Test
    void refusesAnUnknownFPort() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(2, new byte[13]));
        assertTrue(error.getMessage().startsWith("unknown FPort"), error.getMessage());
    }
}
