package io.urbanhub.bench.micro;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.urbanhub.api.spi.PayloadDecoder;
import io.urbanhub.bench.PilotDevices;
import io.urbanhub.decoders.internal.BmetersIwmLr3Decoder;
import io.urbanhub.decoders.internal.BoschTps110Decoder;
import io.urbanhub.decoders.internal.DecentlabDlLp8pDecoder;
import io.urbanhub.decoders.internal.DraginoLdds75Decoder;
import io.urbanhub.decoders.internal.DraginoLht65Decoder;
import io.urbanhub.decoders.internal.DraginoLt22222Decoder;

/** The pilots' device types of {@link PilotDevices}, with their real decoders. */
final class Pilots {

    /** A pilot device type: the entity it feeds, its port, a payload it sends and its real decoder. */
    record Pilot(String deviceType, String entityType, int port, byte[] payload, Supplier<PayloadDecoder> decoder) {
    }

    private static final Map<String, Supplier<PayloadDecoder>> DECODERS = Map.of(
            "dragino-lht65", DraginoLht65Decoder::new,
            "dragino-ldds75", DraginoLdds75Decoder::new,
            "decentlab-dl-lp8p", DecentlabDlLp8pDecoder::new,
            "bosch-tps110", BoschTps110Decoder::new,
            "b-meters-iwm-lr3", BmetersIwmLr3Decoder::new,
            "dragino-lt22222-l", DraginoLt22222Decoder::new);

    private static final List<Pilot> ALL = PilotDevices.TYPES.stream()
            .map(type -> new Pilot(type.deviceType(), type.entityType(), type.port(), type.payload(),
                    DECODERS.get(type.deviceType())))
            .toList();

    private static final Map<String, Pilot> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Pilot::deviceType, pilot -> pilot));

    private Pilots() {
    }

    static List<Pilot> all() {
        return ALL;
    }

    static Pilot of(String deviceType) {
        Pilot pilot = BY_TYPE.get(deviceType);
        if (pilot == null) {
            throw new IllegalArgumentException("no pilot device type " + deviceType);
        }
        return pilot;
    }
}
