package io.urbanhub.bench.micro;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.PayloadDecoder;
import io.urbanhub.api.spi.PayloadDecoders;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.devices.PackedRegistry;
import io.urbanhub.lorawan.BadUplinkException;
import io.urbanhub.lorawan.DownlinkTopics;
import io.urbanhub.lorawan.LorawanUplink;
import io.urbanhub.lorawan.UplinkFormat;
import io.urbanhub.lorawan.UplinkHandler;
import io.urbanhub.route.lorawan.chirpstack.internal.UplinkParsing;

/**
 * The CPU path of one ChirpStack uplink up to the store: the v4 JSON event is parsed, its device looked up, its
 * payload decoded and the observation handed to a data layer that keeps nothing. {@code parse} measures the
 * parser alone, to tell its share.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UplinkPipelineBenchmark {

    private static final String TENANT = "musterstadt";
    private static final String DEV_EUI = "a8404100018112ab";
    /** Distinct frames taken in turn, about 1 MB in all, so the messages do not all sit in the nearest CPU caches. */
    private static final int FRAMES = 1024;

    @Param({"dragino-lht65", "dragino-ldds75", "decentlab-dl-lp8p", "bosch-tps110", "b-meters-iwm-lr3", "dragino-lt22222-l"})
    public String deviceType;

    private byte[][] events;
    private int next;
    private UplinkHandler handler;
    private UplinkFormat format;
    private DiscardingDataLayer dataLayer;

    @Setup
    public void setUp() throws IOException, BadUplinkException {
        Pilots.Pilot pilot = Pilots.of(deviceType);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode event;
        try (InputStream in = UplinkPipelineBenchmark.class.getResourceAsStream("/uplink-event.json")) {
            if (in == null) {
                throw new IOException("uplink-event.json is not on the class path");
            }
            event = (ObjectNode) mapper.readTree(in);
        }
        ((ObjectNode) event.get("deviceInfo")).put("devEui", DEV_EUI.toUpperCase(Locale.ROOT));
        event.put("fPort", pilot.port());
        event.put("data", Base64.getEncoder().encodeToString(pilot.payload()));
        // every frame another counter, as the real device sends them, so no step sees the same message twice in a row
        events = new byte[FRAMES][];
        for (int n = 0; n < FRAMES; n++) {
            event.put("fCnt", 4711 + n);
            events[n] = mapper.writeValueAsBytes(event);
        }

        Device device = new Device(DEV_EUI, pilot.deviceType(), new EntityId(pilot.entityType(), TENANT, "bench-" + DEV_EUI),
                new GeoPoint(7.6261, 51.9607), "bench device");
        PayloadDecoder decoder = pilot.decoder().get();
        PayloadDecoders decoders = type -> pilot.deviceType().equals(type) ? Optional.of(decoder) : Optional.empty();
        dataLayer = new DiscardingDataLayer();
        handler = new UplinkHandler("lorawan-chirpstack.bench", "chirpstack", TENANT, dataLayer, new PackedRegistry(device),
                decoders);
        // as ChirpStackRoutes wires it: the parser, learning each device's downlink topic
        format = new DownlinkTopics().learning(UplinkParsing.format());

        // the error path (dead letter) is not what is measured here
        Receipt receipt = handler.handle(events[0], Instant.now(), format);
        if (receipt != Receipt.STORED || dataLayer.last.get(0).properties().isEmpty()) {
            throw new IllegalStateException(deviceType + ": the uplink was not stored with properties but " + receipt);
        }
    }

    @Benchmark
    public Receipt handle() {
        return handler.handle(nextEvent(), Instant.now(), format);
    }

    @Benchmark
    public LorawanUplink parse() throws BadUplinkException {
        return UplinkParsing.parse(nextEvent());
    }

    private byte[] nextEvent() {
        byte[] event = events[next];
        next = (next + 1) % FRAMES;
        return event;
    }

    /** Says stored and keeps only the latest observations, so they escape and cannot be optimised away. */
    static final class DiscardingDataLayer implements DataLayer {
        List<Observation> last = List.of();

        @Override
        public Receipt accept(Input input, List<Observation> observations) {
            last = observations;
            return Receipt.STORED;
        }

        @Override
        public CompletionStage<Receipt> submit(Input input, List<Observation> observations) {
            return CompletableFuture.completedFuture(accept(input, observations));
        }

        @Override
        public Receipt reject(Input input, String reason) {
            return Receipt.DEAD_LETTER;
        }
    }
}
