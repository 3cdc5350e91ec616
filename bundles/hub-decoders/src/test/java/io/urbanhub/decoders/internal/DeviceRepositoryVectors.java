package io.urbanhub.decoders.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The uplink examples of a codec file of the TTN device repository, copied to {@code /ttn-device-repo/}. */
final class DeviceRepositoryVectors {

    private DeviceRepositoryVectors() {
    }

    static List<JsonNode> uplinks(String file) {
        try (InputStream yaml = DeviceRepositoryVectors.class.getResourceAsStream("/ttn-device-repo/" + file)) {
            if (yaml == null) {
                throw new IllegalArgumentException("no vectors " + file);
            }
            List<JsonNode> examples = new ArrayList<>();
            new ObjectMapper(new YAMLFactory()).readTree(yaml).at("/uplinkDecoder/examples").forEach(examples::add);
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int port(JsonNode example) {
        return example.at("/input/fPort").asInt();
    }

    static byte[] bytes(JsonNode example) {
        JsonNode array = example.at("/input/bytes");
        byte[] bytes = new byte[array.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) array.get(i).asInt();
        }
        return bytes;
    }

    /** The first expected error, or null when the example expects data. */
    static String error(JsonNode example) {
        JsonNode error = example.at("/output/errors/0");
        return error.isMissingNode() ? null : error.asText();
    }

    static JsonNode data(JsonNode example) {
        return example.at("/output/data");
    }
}
