package io.urbanhub.codecs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Codecs the tests compile, from test resources or written inline. */
final class TestCodecs {

    private TestCodecs() {
    }

    static String resource(String name) {
        try (InputStream in = TestCodecs.class.getResourceAsStream("/codecs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaScriptCodec lht65(CodecEngine engine) throws BrokenCodecException {
        return engine.compile("dragino-lht65.js", resource("dragino-lht65.js"));
    }
}
