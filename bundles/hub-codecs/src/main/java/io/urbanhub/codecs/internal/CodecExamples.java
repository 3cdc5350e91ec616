package io.urbanhub.codecs.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.error.YAMLException;

/** The uplink examples of a device-repository {@code *-codec.yaml}: {@code uplinkDecoder.examples[]}. */
public final class CodecExamples {

    private CodecExamples() {
    }

    public static List<CodecExample> read(Path file) throws IOException, UnreadableExamplesException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    public static List<CodecExample> read(Reader reader) throws UnreadableExamplesException {
        Object document;
        try {
            document = DeviceRepositoryYaml.load(reader);
        } catch (YAMLException e) {
            throw new UnreadableExamplesException("not readable as YAML: " + e.getMessage());
        }
        Object examples = child(child(document, "uplinkDecoder"), "examples");
        if (!(examples instanceof List<?> list)) {
            throw new UnreadableExamplesException("no uplinkDecoder.examples list");
        }
        List<CodecExample> read = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            read.add(example(list.get(i), "uplinkDecoder.examples[" + i + "]"));
        }
        return read;
    }

    private static CodecExample example(Object example, String path) throws UnreadableExamplesException {
        Object description = child(example, "description");
        Object input = child(example, "input");
        Object output = child(example, "output");
        if (input == null || output == null) {
            throw new UnreadableExamplesException(path + " needs an input and an output");
        }
        Object data = child(output, "data");
        if (data != null && !(data instanceof Map)) {
            throw new UnreadableExamplesException(path + ".output.data is not a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> expectedData = (Map<String, Object>) data;
        return new CodecExample(description == null ? path : description.toString(),
                new CodecInput(fPort(child(input, "fPort"), path), bytes(child(input, "bytes"), path), recvTime(child(input, "recvTime"), path)),
                expectedData, messages(child(output, "errors"), path + ".output.errors"),
                messages(child(output, "warnings"), path + ".output.warnings"));
    }

    private static int fPort(Object fPort, String path) throws UnreadableExamplesException {
        if (!(fPort instanceof Integer port) || port < 0 || port > 255) {
            throw new UnreadableExamplesException(path + ".input.fPort is " + fPort + ", not a port 0 to 255");
        }
        return port;
    }

    private static byte[] bytes(Object bytes, String path) throws UnreadableExamplesException {
        if (!(bytes instanceof List<?> list)) {
            throw new UnreadableExamplesException(path + ".input.bytes is not a list of bytes");
        }
        byte[] payload = new byte[list.size()];
        for (int i = 0; i < payload.length; i++) {
            if (!(list.get(i) instanceof Integer value) || value < 0 || value > 255) {
                throw new UnreadableExamplesException(path + ".input.bytes[" + i + "] is " + list.get(i) + ", not a byte 0 to 255");
            }
            payload[i] = (byte) (int) value;
        }
        return payload;
    }

    private static Instant recvTime(Object recvTime, String path) throws UnreadableExamplesException {
        if (recvTime == null) {
            return null;
        }
        try {
            return Instant.parse(recvTime.toString());
        } catch (DateTimeParseException e) {
            throw new UnreadableExamplesException(path + ".input.recvTime is " + recvTime + ", not an ISO-8601 time");
        }
    }

    private static List<String> messages(Object messages, String path) throws UnreadableExamplesException {
        if (messages == null) {
            return List.of();
        }
        if (!(messages instanceof List<?> list)) {
            throw new UnreadableExamplesException(path + " is not a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static Object child(Object parent, String key) {
        return parent instanceof Map<?, ?> map ? map.get(key) : null;
    }
}
