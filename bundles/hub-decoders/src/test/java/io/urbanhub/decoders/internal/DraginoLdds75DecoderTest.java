package io.urbanhub.decoders.internal;

import static io.urbanhub.decoders.internal.PropertyAssertions.assertQuantity;
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

class DraginoLdds75DecoderTest {

    private final DraginoLdds75Decoder decoder = new DraginoLdds75Decoder();
    private final List<JsonNode> vectors = DeviceRepositoryVectors.uplinks("dragino-ldds75-codec.yaml");

    @Test
    void givesNoDistanceForTheRepositorysFourByteExample() {
        assertEquals(2, vectors.size(), "a vector was added: test it");
        JsonNode vector = vectors.get(0);
        // the repository's codec says "No Sensor" for every frame that is not 5 bytes long; the hub keeps
        // a frame shorter than the vendor's 8 bytes as a dead letter, so no distance either way
        assertEquals("No Sensor", DeviceRepositoryVectors.data(vector).get("distance").asText());
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector)));
        assertEquals("LDDS75 payload has 4 bytes, expected 8", error.getMessage());
    }

    @Test
    void refusesTheUnknownFPortOfTheDeviceRepositoryVector() {
        JsonNode vector = vectors.get(1);
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(DeviceRepositoryVectors.port(vector), DeviceRepositoryVectors.bytes(vector)));
        assertTrue(error.getMessage().startsWith(DeviceRepositoryVectors.error(vector)), error.getMessage());
    }

    @Test
    void decodesTheManualsExampleReading() throws Exception {
        // the repository example's bytes completed to the vendor's frame: 3612 mV, 2821 mm
        Decoded decoded = decoder.decode(2, hex("0e 1c 0b 05 00 00 00 01"));
        assertQuantity(2821, Units.MILLIMETRE, decoded.properties().get("distance"));
        assertQuantity(3.612, UnitCodes.VOLT, decoded.properties().get("batteryVoltage"));
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void warnsInsteadOfADistanceWhenNoSensorAnswers() throws Exception {
        Decoded decoded = decoder.decode(2, hex("0e 1c 00 00 00 00 00 00"));
        assertTrue(!decoded.properties().containsKey("distance"));
        assertEquals(List.of("no ultrasonic sensor detected"), decoded.warnings());
    }

    @Test
    void warnsInsteadOfADistanceBelowTheSensorsMinimum() throws Exception {
        Decoded decoded = decoder.decode(2, hex("0e 1c 00 c8 00 00 00 01"));
        assertTrue(!decoded.properties().containsKey("distance"));
        assertEquals(List.of("distance 200 mm is below the sensor's 280 mm: invalid reading"), decoded.warnings());
    }
}
