package io.urbanhub.codecs.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The codec folder: {@code <deviceType>.js}, each with an optional {@code <deviceType>.mapping}. Each look
 * loads the codecs whose files appeared or changed (by modification time and size) since the last one.
 */
final class CodecDirectory {

    /** What changed since the last look: codecs loaded or refused anew, and device types whose file went. */
    record Changes(Map<String, CodecState> changed, Set<String> removed) {

        boolean isEmpty() {
            return changed.isEmpty() && removed.isEmpty();
        }
    }

    static final String CODEC = ".js";
    static final String MAPPING = ".mapping";
    private static final Pattern DEVICE_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final long MAX_FILE_SIZE = 1024 * 1024;

    private final Path folder;
    private final CodecEngine engine;
    private final Map<String, String> versions = new HashMap<>();

    CodecDirectory(Path folder, CodecEngine engine) {
        this.folder = folder;
        this.engine = engine;
    }

    Path folder() {
        return folder;
    }

    Changes look() throws IOException {
        Map<String, String> seen = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + CODEC)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (!name.startsWith(".") && Files.isRegularFile(file)) {
                        String deviceType = name.substring(0, name.length() - CODEC.length());
                        seen.put(deviceType, version(file) + "|" + version(folder.resolve(deviceType + MAPPING)));
                    }
                }
            }
        }
        Map<String, CodecState> changed = new TreeMap<>();
        for (Map.Entry<String, String> codec : seen.entrySet()) {
            if (!codec.getValue().equals(versions.get(codec.getKey()))) {
                changed.put(codec.getKey(), load(codec.getKey()));
            }
        }
        Set<String> removed = new HashSet<>(versions.keySet());
        removed.removeAll(seen.keySet());
        versions.clear();
        versions.putAll(seen);
        return new Changes(changed, removed);
    }

    private CodecState load(String deviceType) {
        String codecFile = deviceType + CODEC;
        Path mapping = folder.resolve(deviceType + MAPPING);
        String mappingFile = Files.exists(mapping) ? mapping.getFileName().toString() : null;
        if (!DEVICE_TYPE.matcher(deviceType).matches()) {
            return CodecState.failed(deviceType, codecFile, mappingFile,
                    "the file name is no device type: letters, digits, '.', '_' and '-' only");
        }
        try {
            FieldMapping fields = mappingFile == null ? FieldMapping.PASS_THROUGH : FieldMapping.parse(lines(mapping));
            JavaScriptCodec codec = engine.compile(codecFile, text(folder.resolve(codecFile)));
            return CodecState.loaded(deviceType, codecFile, mappingFile, new CodecDecoder(codec, fields));
        } catch (BrokenCodecException e) {
            return CodecState.failed(deviceType, codecFile, mappingFile, e.getMessage());
        } catch (CharacterCodingException e) {
            return CodecState.failed(deviceType, codecFile, mappingFile, "not UTF-8 text");
        } catch (IOException e) {
            return CodecState.failed(deviceType, codecFile, mappingFile, "unreadable: " + e);
        }
    }

    private static String text(Path file) throws IOException, BrokenCodecException {
        if (Files.size(file) > MAX_FILE_SIZE) {
            throw new BrokenCodecException(file.getFileName() + " is larger than " + MAX_FILE_SIZE / 1024 + " KiB");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<String> lines(Path file) throws IOException, BrokenCodecException {
        return text(file).lines().toList();
    }

    private static String version(Path file) throws IOException {
        try {
            return Files.getLastModifiedTime(file) + "/" + Files.size(file);
        } catch (NoSuchFileException e) {
            return "none";
        }
    }
}
