package io.urbanhub.decoders.internal;

/** UN/CEFACT Recommendation 20 common codes the decoders need and {@code UnitCodes} of hub-api lacks. */
final class Units {

    static final String MILLIAMPERE = "4K";
    static final String MILLIMETRE = "MMT";
    static final String KILOPASCAL = "KPA";
    static final String BAR = "BAR";

    private Units() {
    }
}
