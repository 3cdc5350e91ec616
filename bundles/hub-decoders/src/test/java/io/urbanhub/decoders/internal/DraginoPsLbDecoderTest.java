package io.urbanhub.decoders.internal;

import static io.urbanhub.decoders.internal.PropertyAssertions.assertQuantity;
import static io.urbanhub.decoders.internal.PropertyAssertions.assertValue;
import static io.urbanhub.decoders.internal.PropertyAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;

class DraginoPsLbDecoderTest {

    private final DraginoPsLbDecoder decoder = new DraginoPsLbDecoder();
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("dragino-ps-lb-codec.yaml");

    @Test
    void refusesTheRepositorysPressureExampleWhichIsAnLht65Frame() {
        assertEquals(2, vectors.size(), "a vector was added: test it");
        JsonNode vector = vectors.get(0);
        // the expected data is the LHT65's, so the example cannot hold for a PS-LB
        assertTrue(DeviceRepositoryVectors.data(vector).has("TempC_SHT"));
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector)));
        assertEquals("PS-LB payload has 11 bytes, expected 9 or 13", error.getMessage());
    }

    @Test
    void refusesTheRepositorysUnknownFPortExampleForItsLengthSinceItsPortIsTheDataPort() {
        JsonNode vector = vectors.get(1);
        assertEquals("unknown FPort", DeviceRepositoryVectors.error(vector));
        assertEquals(2, DeviceRepositoryVectors.port(vector));
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector)));
        assertEquals("PS-LB payload has 11 bytes, expected 9 or 13", error.getMessage());
    }

    @Test
    void refusesAnUnknownFPort() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(42, new byte[9]));
        assertTrue(error.getMessage().startsWith("unknown FPort"), error.getMessage());
    }

    @Test
    void givesTheWaterColumnAboveAnImmersionProbe() throws Exception {
        // 3.6 V battery, immersion probe with a 5 m range, 12 mA: half the range
        Decoded decoded = decoder.decode(2, hex("0e 10 00 05 2e e0 00 00 00"));
        assertQuantity(2.5, UnitCodes.METRE, decoded.properties().get("height"));
        assertQuantity(12.0, Units.MILLIAMPERE, decoded.properties().get("analogCurrent"));
        assertQuantity(3.6, UnitCodes.VOLT, decoded.properties().get("batteryVoltage"));
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void givesNoWaterAtFourMilliamperes() throws Exception {
        Decoded decoded = decoder.decode(2, hex("0e 10 00 0a 0f a0 00 00 00"));
        assertQuantity(0, UnitCodes.METRE, decoded.properties().get("height"));
    }

    @Test
    void givesThePressureOfAThreadMountedProbeInKilopascal() throws Exception {
        // range code 2 is 0 to 1 MPa; 20 mA is its top
        Decoded decoded = decoder.decode(2, hex("0e 10 01 02 4e 20 00 00 00"));
        assertQuantity(1000, Units.KILOPASCAL, decoded.properties().get("pressure"));
        assertTrue(!decoded.properties().containsKey("height"));
    }

    @Test
    void readsTheVacuumRangeDownwards() throws Exception {
        // range code 9 is -0.1 to +0.1 MPa: 4 mA is -100 kPa
        Decoded decoded = decoder.decode(2, hex("0e 10 01 09 0f a0 00 00 00"));
        assertQuantity(-100, Units.KILOPASCAL, decoded.properties().get("pressure"));
    }

    @Test
    void warnsInsteadOfALevelWhenTheLoopIsOpen() throws Exception {
        Decoded decoded = decoder.decode(2, hex("0e 10 00 05 00 00 00 00 00"));
        assertTrue(!decoded.properties().containsKey("height"));
        assertEquals(List.of("probe current 0.0 mA is outside the 4-20 mA loop: probe unplugged or faulty"),
                decoded.warnings());
    }

    @Test
    void readsThePulseCountOfThirteenByteFrames() throws Exception {
        Decoded decoded = decoder.decode(2, hex("0e 10 00 05 2e e0 00 00 00 00 00 01 f4"));
        assertValue(500L, decoded.properties().get("pulseCount"));
    }

    @Test
    void readsTheDeviceStatusOnFPortFive() throws Exception {
        Decoded decoded = decoder.decode(5, hex("16 01 20 01 ff 0e 10"));
        assertValue("1.2.0", decoded.properties().get("firmwareVersion"));
        assertQuantity(3.6, UnitCodes.VOLT, decoded.properties().get("batteryVoltage"));
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void refusesTheDataLogItDoesNotDecode() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(7, new byte[4]));
        assertEquals("FPort 7 carries the PS-LB's data log, which is not decoded", error.getMessage());
    }
}
