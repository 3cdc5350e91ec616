package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.api.model.Property;

/** The codec folder followed file by file: what appears, changes, breaks and goes. */
class CodecDirectoryTest {

    private static final String CODEC = "function decodeUplink(input) { return { data: { TempC_SHT: input.bytes[0] } }; }";

    @TempDir
    Path folder;

    private final CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void loadsANewCodecWithItsMapping() throws Exception {
        CodecDirectory directory = new CodecDirectory(folder, engine);
        write("sensor.mapping", "TempC_SHT -> temperature CEL");
        write("sensor.js", CODEC);
        write("notes.txt", "not a codec");

        CodecState sensor = directory.look().changed().get("sensor");
        assertTrue(sensor.isLoaded(), sensor.toString());
        assertEquals("sensor.js", sensor.codecFile());
        assertEquals("sensor.mapping", sensor.mappingFile());
        assertEquals(Map.of("temperature", Property.of(21.0, "CEL")), sensor.decoder().decode(2, new byte[] {21}).properties());
        assertTrue(directory.look().isEmpty(), "nothing changed since");
    }

    @Test
    void reloadsACodecWhenItOrItsMappingChanges() throws Exception {
        CodecDirectory directory = new CodecDirectory(folder, engine);
        write("sensor.js", CODEC);
        directory.look();

        write("sensor.mapping", "TempC_SHT -> airTemperature CEL");
        CodecState mapped = directory.look().changed().get("sensor");
        assertEquals(Set.of("airTemperature"), mapped.decoder().decode(2, new byte[] {1}).properties().keySet());

        write("sensor.js", CODEC.replace("TempC_SHT", "TempC"));
        CodecState changed = directory.look().changed().get("sensor");
        assertEquals(Set.of("TempC"), changed.decoder().decode(2, new byte[] {1}).properties().keySet());
    }

    @Test
    void aBrokenFileIsRefusedWithItsReasonAndAFixedOneLoads() throws Exception {
        CodecDirectory directory = new CodecDirectory(folder, engine);
        write("sensor.js", "function decodeUplink(input) {\n  return {");
        CodecState broken = directory.look().changed().get("sensor");
        assertFalse(broken.isLoaded());
        assertTrue(broken.reason().contains("line 2"), broken.reason());

        write("sensor.js", CODEC);
        write("sensor.mapping", "TempC_SHT => temperature");
        assertEquals("mapping line 1 is not 'field -> property [unit code]': TempC_SHT => temperature",
                directory.look().changed().get("sensor").reason());

        write("sensor.mapping", "TempC_SHT -> temperature CEL");
        assertTrue(directory.look().changed().get("sensor").isLoaded());
    }

    @Test
    void reportsADeletedCodecAndRefusesFileNamesThatAreNoDeviceType() throws Exception {
        CodecDirectory directory = new CodecDirectory(folder, engine);
        write("sensor.js", CODEC);
        write("my sensor.js", CODEC);
        write(".hidden.js", CODEC);
        CodecDirectory.Changes first = directory.look();
        assertEquals(Set.of("sensor", "my sensor"), first.changed().keySet());
        assertEquals("the file name is no device type: letters, digits, '.', '_' and '-' only", first.changed().get("my sensor").reason());

        Files.delete(folder.resolve("sensor.js"));
        CodecDirectory.Changes second = directory.look();
        assertEquals(Set.of("sensor"), second.removed());
        assertTrue(second.changed().isEmpty());
    }

    @Test
    void aMissingFolderHoldsNoCodecs() throws Exception {
        assertTrue(new CodecDirectory(folder.resolve("absent"), engine).look().isEmpty());
    }

    /** Each write gets a later modification time, as edits a second apart would. */
    private void write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Instant previous = Files.exists(file) ? Files.getLastModifiedTime(file).toInstant() : Instant.EPOCH;
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(previous.plusSeconds(1).isAfter(Instant.now()) ? previous.plusSeconds(1) : Instant.now()));
    }
}
