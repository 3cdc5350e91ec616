package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The LHT65 codec in device-repository form, against the repository's own vectors. */
class Lht65CodecTest {

    private final CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS);

    @Test
    void passesEveryExampleOfTheDeviceRepository() throws Exception {
        JavaScriptCodec codec = TestCodecs.lht65(engine);
        List<CodecExample> examples;
        try (Reader yaml = new InputStreamReader(getClass().getResourceAsStream("/codecs/dragino-lht65-codec.yaml"), StandardCharsets.UTF_8)) {
            examples = CodecExamples.read(yaml);
        }
        assertEquals(2, examples.size());
        for (CodecExample example : examples) {
            ExampleCheck.Result result = ExampleCheck.run(codec, example);
            assertTrue(result.passed(), example.description() + ": " + result.differences());
        }
    }
}
