package io.urbanhub.codecs.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.codecs.internal.CodecDecoder;
import io.urbanhub.codecs.internal.CodecEngine;
import io.urbanhub.codecs.internal.CodecLimits;
import io.urbanhub.codecs.internal.CodecState;
import io.urbanhub.codecs.internal.FieldMapping;

/** The commands against a catalog of one loaded and one broken codec. */
class CommandsTest {

    @TempDir
    Path folder;

    private final CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void listsLoadedAndFailedCodecs() throws Exception {
        CodecsCommand command = new CodecsCommand();
        command.catalog = this::catalog;
        command.noFormat = true;
        assertEquals(List.of(
                List.of("dragino-lht65", "dragino-lht65.js", "dragino-lht65.mapping", "LOADED", ""),
                List.of("broken", "broken.js", "-", "FAILED", "syntax error (line 1, column 29)")), rows(run(command)));
    }

    @Test
    void checksTheExamplesOfACodec() throws Exception {
        CodecCheckCommand command = new CodecCheckCommand();
        command.catalog = this::catalog;
        command.noFormat = true;
        command.deviceType = "dragino-lht65";
        command.examples = copy("dragino-lht65-codec.yaml").toString();
        assertEquals(List.of(List.of("Temperature", "PASS", ""), List.of("Unknown FPort", "PASS", ""), List.of("2 of 2 examples passed")),
                rows(run(command)));

        Files.writeString(folder.resolve("wrong.yaml"), """
                uplinkDecoder:
                  examples:
                    - description: colder than it is
                      input: { fPort: 2, bytes: [0xCB, 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x00, 0x00, 0x00, 0x00, 0x00] }
                      output:
                        data: { BatV: 3.062, Bat_status: 3, Ext_sensor: No external sensor, Hum_SHT: 88.6, TempC_SHT: 18.29 }
                """);
        command.examples = folder.resolve("wrong.yaml").toString();
        assertEquals(List.of(List.of("colder than it is", "FAIL", "data.TempC_SHT: expected 18.29, got 28.29"),
                List.of("0 of 1 examples passed")), rows(run(command)));
    }

    @Test
    void refusesACodecThatIsNotLoaded() {
        CodecCheckCommand command = new CodecCheckCommand();
        command.catalog = this::catalog;
        command.deviceType = "broken";
        command.examples = "any.yaml";
        assertEquals("Codec broken.js is not loaded: syntax error (line 1, column 29)",
                assertThrows(IllegalStateException.class, command::execute).getMessage());
        command.deviceType = "unknown";
        assertEquals("No codec for device type unknown in the codec folder",
                assertThrows(IllegalArgumentException.class, command::execute).getMessage());
    }

    private List<CodecState> catalog() {
        try {
            return List.of(
                    CodecState.loaded("dragino-lht65", "dragino-lht65.js", "dragino-lht65.mapping", new CodecDecoder(
                            engine.compile("dragino-lht65.js", Files.readString(copy("dragino-lht65.js"))), FieldMapping.PASS_THROUGH)),
                    CodecState.failed("broken", "broken.js", null, "syntax error (line 1, column 29)"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Path copy(String resource) throws Exception {
        Path file = folder.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/codecs/" + resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** The cells of --no-format output, without the padding. */
    private static List<List<String>> rows(String output) {
        return output.lines().map(line -> Arrays.stream(line.split("\t", -1)).map(String::strip).toList()).toList();
    }

    private static String run(Action command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(original);
        }
        return output.toString(StandardCharsets.UTF_8);
    }
}
