package io.urbanhub.decoders.internal;

import static io.urbanhub.decoders.internal.PropertyAssertions.assertQuantity;
import static io.urbanhub.decoders.internal.PropertyAssertions.assertValue;
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

class AdeunisPulseDecoderTest {

    private final AdeunisPulseDecoder decoder = new AdeunisPulseDecoder(1);
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("adeunis-pulse-codec.yaml");

    @Test
    void decodesTheDeviceRepositoryVectorLikeTheVendorCodec() throws Exception {
        assertEquals(1, vectors.size(), "a vector was added: test it");
        JsonNode vector = vectors.get(0);
        JsonNode expected = DeviceRepositoryVectors.data(vector).get("bytes");
        Decoded decoded = decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector));
        Map<String, Property> properties = decoded.properties();

        // the newest of the counter values; the earlier ones are history
        long counter = expected.at("/counterValues/0").asLong();
        assertValue(counter, properties.get("pulseCount"));
        assertQuantity(counter, UnitCodes.LITRE, properties.get("waterConsumption"));
        assertValue(expected.at("/status/lowBattery").asBoolean(), properties.get("lowBattery"));
        assertEquals(3, properties.size());
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void weighsPulsesWithTheConfiguredLitresPerPulse() throws Exception {
        Decoded decoded = new AdeunisPulseDecoder(10).decode(1, hex("5a 20 00 00 01 27"));
        assertQuantity(2950, UnitCodes.LITRE, decoded.properties().get("waterConsumption"));
        assertValue(295L, decoded.properties().get("pulseCount"));
    }

    @Test
    void readsBothChannelsOfTheDataFrame() throws Exception {
        Decoded decoded = decoder.decode(1, hex("46 20 00 00 01 27 ff ff ff ff"));
        assertValue(295L, decoded.properties().get("pulseCount"));
        assertValue(4_294_967_295L, decoded.properties().get("pulseCountChannelB"));
        assertQuantity(4_294_967_295.0, UnitCodes.LITRE, decoded.properties().get("waterConsumptionChannelB"));
    }

    @Test
    void readsTheAlarmsOfTheKeepAlive() throws Exception {
        // tamper on channel A, leakage on channel B
        Decoded decoded = decoder.decode(1, hex("30 20 24 00 00 00 00 00 00 00 00"));
        assertValue(1, decoded.properties().get("alarmTamper"));
        assertValue(0, decoded.properties().get("alarmLeakage"));
        assertValue(1, decoded.properties().get("alarmLeakageChannelB"));
        assertValue(1, decoded.properties().get("alarmInProgress"));
    }

    @Test
    void readsOnlyTheStatusOfAConfigurationFrame() throws Exception {
        Decoded decoded = decoder.decode(1, hex("20 22 01 01"));
        assertEquals(Map.of("lowBattery", Property.of(true)), decoded.properties());
    }

    @Test
    void refusesAnUnknownFrameCode() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(1, hex("99 00 00")));
        assertEquals("Adeunis Pulse frame code 99 is unknown", error.getMessage());
    }

    @Test
    void refusesHistoryOfAnOddLength() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(1, hex("5a 20 00 00 01 27 00")));
        assertEquals("Adeunis Pulse frame 5a has 7 bytes, which is not 6 plus 2 per earlier sample (plus 4 with a timestamp)",
                error.getMessage());
    }

    @Test
    void refusesANonPositivePulseWeightOnActivation() {
        assertThrows(IllegalArgumentException.class, () -> new AdeunisPulseDecoder(0));
    }
}
