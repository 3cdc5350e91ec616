package io.urbanhub.route.lorawan.chirpstack.internal;

import io.urbanhub.lorawan.BadUplinkException;
import io.urbanhub.lorawan.LorawanUplink;
import io.urbanhub.lorawan.UplinkFormat;

/**
 * Opens the package-private ChirpStack parser to the micro-benchmarks. It shares the parser's package,
 * which works only because the benchmarks run on the class path: in OSGi the package stays private to its
 * bundle.
 */
public final class UplinkParsing {

    private UplinkParsing() {
    }

    public static LorawanUplink parse(byte[] json) throws BadUplinkException {
        return UplinkParser.parse(json);
    }

    /** The parser as the ChirpStack route hands it to the uplink handler. */
    public static UplinkFormat format() {
        return UplinkParser::parse;
    }
}
