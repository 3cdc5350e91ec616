package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;

/** Several adapters decode at once, through one compiled codec, while another codec loops. */
class CodecConcurrencyTest {

    private final CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS);
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void close() {
        callers.shutdownNow();
        engine.close();
    }

    @Test
    void callsFromManyThreadsEachGetTheirOwnAnswer() throws Exception {
        CodecDecoder lht65 = new CodecDecoder(TestCodecs.lht65(engine), FieldMapping.parse(List.of("TempC_SHT -> temperature CEL")));
        JavaScriptCodec looping = engine.compile("loop.js", "function decodeUplink(input) { while (true) {} }");
        List<Future<?>> running = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
            running.add(callers.submit(() -> {
                for (int call = 0; call < 300; call++) {
                    int centidegrees = ThreadLocalRandom.current().nextInt(-4000, 8000);
                    Decoded decoded = lht65.decode(2, lht65Payload(centidegrees));
                    assertEquals(Property.of(centidegrees / 100.0, "CEL"), decoded.properties().get("temperature"));
                }
                return null;
            }));
        }
        for (int thread = 0; thread < 2; thread++) {
            running.add(callers.submit(() -> {
                for (int call = 0; call < 5; call++) {
                    assertThrows(DecodingException.class, () -> looping.decodeUplink(new CodecInput(2, new byte[0], null)));
                }
                return null;
            }));
        }
        for (Future<?> caller : running) {
            caller.get();
        }
        assertEquals(Map.of("ok", true), engine.compile("after.js", "function decodeUplink(input) { return { data: { ok: true } }; }")
                .decodeUplink(new CodecInput(1, new byte[0], null)).data());
    }

    static byte[] lht65Payload(int centidegrees) {
        return new byte[] {(byte) 0xCB, (byte) 0xF6, (byte) (centidegrees >> 8), (byte) centidegrees, 0x03, 0x76, 0x01, 0x0A, (byte) 0xDD,
            0x7F, (byte) 0xFF};
    }
}
