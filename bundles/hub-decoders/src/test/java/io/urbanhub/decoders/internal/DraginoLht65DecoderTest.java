package io.urbanhub.decoders.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;

/** Against the vendor's vectors in the TTN device repository. */
class DraginoLht65DecoderTest {

    private final DraginoLht65Decoder decoder = new DraginoLht65Decoder();

    @Test
    void decodesTheDeviceRepositoryVectorLikeTheVendorCodec() throws Exception {
        JsonNode vector = vectors().get(0);
        assertEquals("Temperature", vector.get("description").asText());
        Decoded decoded = decoder.decode(vector.at("/input/fPort").asInt(), bytes(vector.at("/input/bytes")));
        JsonNode expected = vector.at("/output/data");

        Map<String, Property> properties = decoded.properties();
        assertEquals(new Property(expected.get("BatV").asDouble(), UnitCodes.VOLT), properties.get("batteryVoltage"));
        assertEquals(new Property(expected.get("TempC_SHT").asDouble(), UnitCodes.DEGREE_CELSIUS), properties.get("temperature"));
        assertEquals(new Property(expected.get("Hum_SHT").asDouble(), UnitCodes.PERCENT), properties.get("relativeHumidity"));
        assertEquals(new Property(expected.get("TempC_DS").asDouble(), UnitCodes.DEGREE_CELSIUS), properties.get("externalTemperature"));
        assertEquals(3, expected.get("Bat_status").asInt());
        assertEquals(Property.of("good"), properties.get("batteryStatus"));
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void refusesTheUnknownFPortOfTheDeviceRepositoryVector() throws Exception {
        JsonNode vector = vectors().get(1);
        DecodingException error = assertThrows(DecodingException.class,
                () -> decoder.decode(vector.at("/input/fPort").asInt(), bytes(vector.at("/input/bytes"))));
        assertTrue(error.getMessage().startsWith(vector.at("/output/errors/0").asText()), error.getMessage());
    }

    @Test
    void decodesBelowZeroForFreezers() throws Exception {
        byte[] payload = {(byte) 0xCB, (byte) 0xF6, (byte) 0xF8, (byte) 0x30, 0x02, 0x58, 0x01, (byte) 0xF7, (byte) 0x9E, 0x7F, (byte) 0xFF};
        Decoded decoded = decoder.decode(2, payload);
        assertEquals(-20.0, decoded.properties().get("temperature").value());
        assertEquals(60.0, decoded.properties().get("relativeHumidity").value());
        assertEquals(-21.46, decoded.properties().get("externalTemperature").value());
    }

    @Test
    void warnsWhenTheProbeIsUnplugged() throws Exception {
        byte[] payload = {(byte) 0xCB, (byte) 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x01, 0x7F, (byte) 0xFF, 0x7F, (byte) 0xFF};
        Decoded decoded = decoder.decode(2, payload);
        assertEquals(List.of("external temperature probe disconnected"), decoded.warnings());
        assertTrue(!decoded.properties().containsKey("externalTemperature"));
    }

    @Test
    void refusesTruncatedPayloads() {
        DecodingException error = assertThrows(DecodingException.class, () -> decoder.decode(2, new byte[] {0x0B}));
        assertEquals("LHT65 payload has 1 bytes, expected 11", error.getMessage());
    }

    private static JsonNode vectors() throws Exception {
        try (InputStream yaml = DraginoLht65DecoderTest.class.getResourceAsStream("/ttn-device-repo/dragino-lht65-codec.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml).at("/uplinkDecoder/examples");
        }
    }

    private static byte[] bytes(JsonNode array) {
        byte[] bytes = new byte[array.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) array.get(i).asInt();
        }
        return bytes;
    }
}
