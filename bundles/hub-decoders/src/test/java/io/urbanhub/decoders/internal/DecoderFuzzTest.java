package io.urbanhub.decoders.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.api.spi.PayloadDecoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Random uplinks, and valid ones with bytes overwritten, cut off or appended: every decoder answers
 * with readings that are all numbers, text or booleans, or with a DecodingException that says why, and
 * never hangs. Anything else would reach the data layer as a decoder failure instead of a dead letter.
 */
class DecoderFuzzTest {

    /**
     * 100 batches of 100: 10 000 uplinks per decoder, with one watchdog thread per batch rather than per
     * uplink. jqwik's edge cases are off because a batch would be all of them; the mutations below
     * write the extreme bytes themselves.
     */
    private static final int BATCHES = 100;
    private static final int BATCH = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void draginoLt22222(@ForAll @Size(BATCH) List<@From("draginoLt22222Uplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new DraginoLt22222Decoder(), uplinks);
    }

    @Provide
    Arbitrary<Uplink> draginoLt22222Uplinks() {
        return uplinks(List.of(2, 5), "dragino-lt22222-l-codec.yaml", "00 00 30 39 00 01 00 00 a0 00 42",
                "00 00 00 07 13 10 13 00 20 00 43", "00 00 00 07 00 00 00 09 20 00 44", "04 ab 04 ac 13 10 00 05 00 00 45",
                "81 80 03 00 00 00 00 00 00 01 46", "01 ff 01 60 00 02 58");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void draginoPsLb(@ForAll @Size(BATCH) List<@From("draginoPsLbUplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new DraginoPsLbDecoder(), uplinks);
    }

    @Provide
    Arbitrary<Uplink> draginoPsLbUplinks() {
        return uplinks(List.of(2, 5), "dragino-ps-lb-codec.yaml", "0e 10 00 05 2e e0 00 00 00",
                "0e 10 01 02 4e 20 00 00 00", "0e 10 01 09 0f a0 00 00 00", "0e 10 00 05 2e e0 00 00 00 00 00 01 f4",
                "16 01 20 01 ff 0e 10");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void draginoLdds75(@ForAll @Size(BATCH) List<@From("draginoLdds75Uplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new DraginoLdds75Decoder(), uplinks);
    }

    @Provide
    Arbitrary<Uplink> draginoLdds75Uplinks() {
        return uplinks(List.of(2), "dragino-ldds75-codec.yaml", "0e 1c 0b 05 00 00 00 01", "0e 1c 00 c8 00 00 00 01");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void draginoLht65(@ForAll @Size(BATCH) List<@From("draginoLht65Uplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new DraginoLht65Decoder(), uplinks);
    }

    @Provide
    Arbitrary<Uplink> draginoLht65Uplinks() {
        return uplinks(List.of(2), "dragino-lht65-codec.yaml", "cb f6 0b 0d 03 76 01 7f ff 7f ff");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void decentlabDlPr26(@ForAll @Size(BATCH) List<@From("decentlabDlPr26Uplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new DecentlabDlPr26Decoder(0, 1), uplinks);
    }

    @Provide
    Arbitrary<Uplink> decentlabDlPr26Uplinks() {
        return uplinks(List.of(1), "decentlab-dl-pr26-0-1-codec.yaml", "02 01 67 00 01 80 00 60 17");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void decentlabDlMbx(@ForAll @Size(BATCH) List<@From("decentlabDlMbxUplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new DecentlabDlMbxDecoder(), uplinks);
    }

    @Provide
    Arbitrary<Uplink> decentlabDlMbxUplinks() {
        return uplinks(List.of(1), "decentlab-dl-mbx-codec.yaml", "02 01 2f 00 01 00 00 00 00");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void decentlabDlLp8p(@ForAll @Size(BATCH) List<@From("decentlabDlLp8pUplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new DecentlabDlLp8pDecoder(), uplinks);
    }

    @Provide
    Arbitrary<Uplink> decentlabDlLp8pUplinks() {
        return uplinks(List.of(1), "decentlab-dl-lp8p-codec.yaml");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void boschTps110(@ForAll @Size(BATCH) List<@From("boschTps110Uplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new BoschTps110Decoder(), uplinks);
    }

    @Provide
    Arbitrary<Uplink> boschTps110Uplinks() {
        return uplinks(List.of(1, 2, 3, 4, 5, 6), "bosch-tps110-0292-codec.yaml", "00", "00 80");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void adeunisPulse(@ForAll @Size(BATCH) List<@From("adeunisPulseUplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new AdeunisPulseDecoder(1), uplinks);
    }

    @Provide
    Arbitrary<Uplink> adeunisPulseUplinks() {
        return uplinks(List.of(1), "adeunis-pulse-codec.yaml", "46 20 00 00 01 27 ff ff ff ff",
                "46 24 00 00 01 27 00 00 00 01 14 ab a3 e9", "5b 20 00 00 01 27", "30 20 24 00 00 00 00 00 00 00 00",
                "47 20 00 10 00 20", "20 22 01 01", "10 20 00 00 48 00 01 00 00 00 3c");
    }

    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void bmetersIwmLr3(@ForAll @Size(BATCH) List<@From("bmetersIwmLr3Uplinks") Uplink> uplinks) {
        assertEachDecodesOrRefuses(new BmetersIwmLr3Decoder(), uplinks);
    }

    @Provide
    Arbitrary<Uplink> bmetersIwmLr3Uplinks() {
        return uplinks(List.of(1), "b-meters-iwmlr3-codec.yaml", "44 74 20 01 00 34 01 00 00 00 00 13 02",
                "44 99 99 99 99 99 99 99 99 02 01 16 3f 01 1b");
    }

    /** One uplink as a network server hands it over; printed in hexadecimal when a property fails. */
    record Uplink(int port, byte[] payload) {

        @Override
        public String toString() {
            return "FPort " + port + ": " + HexFormat.ofDelimiter(" ").formatHex(payload);
        }
    }

    private static void assertEachDecodesOrRefuses(PayloadDecoder decoder, List<Uplink> uplinks) {
        assertTimeoutPreemptively(PATIENCE, () -> uplinks.forEach(uplink -> assertDecodesOrRefuses(decoder, uplink)),
                () -> "decoding " + uplinks.size() + " uplinks took longer than " + PATIENCE);
    }

    private static void assertDecodesOrRefuses(PayloadDecoder decoder, Uplink uplink) {
        Decoded decoded;
        try {
            decoded = decoder.decode(uplink.port(), uplink.payload().clone());
        } catch (DecodingException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal without a reason: " + uplink);
            return;
        }
        for (Map.Entry<String, io.urbanhub.api.model.Property> property : decoded.properties().entrySet()) {
            assertFalse(property.getKey().isBlank(), uplink::toString);
            Object value = property.getValue().value();
            assertNotNull(value, () -> property.getKey() + " is null for " + uplink);
            if (value instanceof Double number) {
                assertTrue(Double.isFinite(number), () -> property.getKey() + " is " + number + " for " + uplink);
            }
        }
        decoded.warnings().forEach(warning -> assertFalse(warning == null || warning.isBlank(), uplink::toString));
    }

    /**
     * Mostly the device's own frames (from its vectors file and the given hex strings) mutated, on its
     * ports; sometimes random bytes, sometimes any port.
     */
    private static Arbitrary<Uplink> uplinks(List<Integer> ports, String vectors, String... frames) {
        List<byte[]> seeds = new ArrayList<>();
        DeviceRepositoryVectors.uplinks(vectors).forEach(example -> seeds.add(DeviceRepositoryVectors.bytes(example)));
        Arrays.stream(frames).map(PropertyAssertions::hex).forEach(seeds::add);
        Arbitrary<Integer> port = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.of(ports)), Tuple.of(1, Arbitraries.integers().between(0, 255)));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8);
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.of(seeds), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 63), noise).as(DecoderFuzzTest::mutate);
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(port, Arbitraries.frequencyOf(Tuple.of(3, mutated), Tuple.of(1, random)))
                .as(Uplink::new);
    }

    private static byte[] mutate(byte[] seed, int kind, int position, byte[] noise) {
        byte[] bytes = seed.clone();
        int at = bytes.length == 0 ? 0 : position % bytes.length;
        switch (kind) {
            case 0 -> {
                for (int i = 0; i < noise.length && at + i < bytes.length; i++) {
                    bytes[at + i] = noise[i];
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, position % (bytes.length + 1));
            case 2 -> {
                bytes = Arrays.copyOf(bytes, seed.length + noise.length);
                System.arraycopy(noise, 0, bytes, seed.length, noise.length);
            }
            default -> {
                // the extremes a decoder's arithmetic meets first: all bits clear, all set, sign bit
                if (bytes.length > 0) {
                    bytes[at] = new byte[] {0x00, (byte) 0xFF, (byte) 0x80, 0x7F}[noise[0] & 0x03];
                }
            }
        }
        return bytes;
    }
}
