package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;

/**
 * The LHT65 codec and its shipped mapping through the hub's decoder interface, on random and mutated
 * payloads: every one is decoded or refused with a DecodingException, none hangs or throws anything else.
 */
class Lht65FuzzTest {

    private static final byte[] VECTOR = {(byte) 0xCB, (byte) 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x01, 0x0A, (byte) 0xDD, 0x7F, (byte) 0xFF};
    private static final int PAYLOADS = 10_000;

    private final CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void everyPayloadIsDecodedOrRefused() throws Exception {
        CodecDecoder decoder = new CodecDecoder(TestCodecs.lht65(engine),
                FieldMapping.parse(TestCodecs.resource("dragino-lht65.mapping").lines().toList()));
        Random random = new Random(65);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < PAYLOADS; i++) {
                byte[] payload = i % 2 == 0 ? mutated(random) : randomBytes(random);
                int port = random.nextInt(4) == 0 ? random.nextInt(256) : 2;
                try {
                    Decoded decoded = decoder.decode(port, payload);
                    assertTrue(decoded.properties().containsKey("temperature"), decoded.toString());
                    outcomes[0]++;
                } catch (DecodingException e) {
                    assertTrue(!e.getMessage().isBlank());
                    outcomes[1]++;
                }
            }
        });
        assertEquals(PAYLOADS, outcomes[0] + outcomes[1]);
        assertTrue(outcomes[0] > PAYLOADS / 4 && outcomes[1] > PAYLOADS / 4, outcomes[0] + " decoded, " + outcomes[1] + " refused");
    }

    private static byte[] mutated(Random random) {
        byte[] payload = VECTOR.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            payload[random.nextInt(payload.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return payload;
    }

    private static byte[] randomBytes(Random random) {
        byte[] payload = new byte[random.nextInt(3) == 0 ? random.nextInt(64) : 11];
        random.nextBytes(payload);
        return payload;
    }
}
