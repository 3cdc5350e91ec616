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

class DraginoLt22222DecoderTest {

    private final DraginoLt22222Decoder decoder = new DraginoLt22222Decoder();
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("dragino-lt22222-l-codec.yaml");

    @Test
    void decodesTheDeviceRepositoryVectorOfModeOneLikeTheVendorCodec() throws Exception {
        assertEquals(2, vectors.size(), "a vector was added: test it");
        JsonNode vector = vectors.get(0);
        JsonNode expected = DeviceRepositoryVectors.data(vector);
        Decoded decoded = decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector));

        Map<String, Property> properties = decoded.properties();
        assertValue(expected.get("Work_mode").asText(), properties.get("workMode"));
        assertEquals("LT33222", expected.get("Hardware_mode").asText());
        assertValue("LT-33222-L", properties.get("hardwareModel"));
        assertQuantity(expected.get("AVI1_V").asDouble(), UnitCodes.VOLT, properties.get("analogVoltage1"));
        assertQuantity(expected.get("AVI2_V").asDouble(), UnitCodes.VOLT, properties.get("analogVoltage2"));
        assertQuantity(expected.get("ACI1_mA").asDouble(), Units.MILLIAMPERE, properties.get("analogCurrent1"));
        assertQuantity(expected.get("ACI2_mA").asDouble(), Units.MILLIAMPERE, properties.get("analogCurrent2"));
        for (String channel : List.of("1", "2", "3")) {
            assertValue(level(expected.get("DI" + channel + "_status")), properties.get("digitalInput" + channel));
            assertValue(level(expected.get("DO" + channel + "_status")), properties.get("digitalOutput" + channel));
        }
        assertValue(expected.get("RO1_status").asText().toLowerCase(), properties.get("relay1"));
        assertValue(expected.get("RO2_status").asText().toLowerCase(), properties.get("relay2"));
        assertEquals(14, expected.size());
        assertEquals(14, properties.size());
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void refusesTheUnknownFPortOfTheDeviceRepositoryVector() {
        JsonNode vector = vectors.get(1);
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector)));
        assertTrue(error.getMessage().startsWith(DeviceRepositoryVectors.error(vector)), error.getMessage());
    }

    @Test
    void countsPulsesOfBothInputsInCountModeOne() throws Exception {
        // LT-22222-L (hardware bit 0x40), mode 2, relay 1 closed, counters restarted
        Decoded decoded = decoder.decode(2, hex("00 00 30 39 00 01 00 00 a0 00 42"));
        Map<String, Property> properties = decoded.properties();
        assertValue("Count mode 1", properties.get("workMode"));
        assertValue("LT-22222-L", properties.get("hardwareModel"));
        assertValue(12345L, properties.get("pulseCount1"));
        assertValue(65536L, properties.get("pulseCount2"));
        assertValue("on", properties.get("relay1"));
        assertValue("off", properties.get("relay2"));
        assertValue(true, properties.get("firstUplinkAfterJoin"));
        assertTrue(!properties.containsKey("digitalOutput3"), "the LT-22222-L has two outputs");
    }

    @Test
    void readsCountersAboveTwoToTheThirtyOneAsUnsigned() throws Exception {
        Decoded decoded = decoder.decode(2, hex("ff ff ff ff 00 00 00 00 00 00 42"));
        assertValue(4_294_967_295L, decoded.properties().get("pulseCount1"));
    }

    @Test
    void namesWhatTriggeredAnUplinkInTriggerMode() throws Exception {
        // AV1 low and AC2 high configured and AV1 low triggered; DI1 triggered; mode 6 enabled
        Decoded decoded = decoder.decode(2, hex("81 80 03 00 00 00 00 00 00 01 46"));
        assertValue("Trigger mode", decoded.properties().get("workMode"));
        assertValue("analogVoltage1Low, digitalInput1", decoded.properties().get("triggeredBy"));
        assertValue(true, decoded.properties().get("triggerModeEnabled"));
        assertTrue(!decoded.properties().containsKey("relay1"), "mode 6 does not report the outputs");
    }

    @Test
    void readsTheDeviceStatusOnFPortFive() throws Exception {
        Decoded decoded = decoder.decode(5, hex("01 ff 01 60 00 02 58"));
        assertValue("1.6.0", decoded.properties().get("firmwareVersion"));
        assertQuantity(600, UnitCodes.SECOND, decoded.properties().get("uplinkInterval"));
    }

    @Test
    void refusesAnUnknownWorkMode() {
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(2, hex("00 00 00 00 00 00 00 00 00 00 47")));
        assertEquals("LT-22222-L work mode 7 is unknown (the vendor documents 1 to 6)", error.getMessage());
    }

    @Test
    void refusesTruncatedPayloads() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(2, hex("04 ab 04")));
        assertEquals("LT-22222-L payload has 3 bytes, expected 11", error.getMessage());
    }

    private static String level(JsonNode status) {
        return "H".equals(status.asText()) ? "high" : "low";
    }
}
