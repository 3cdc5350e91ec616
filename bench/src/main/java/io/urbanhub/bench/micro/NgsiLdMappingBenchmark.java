package io.urbanhub.bench.micro;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.core.internal.NgsiLdJson;

/**
 * The normalized NGSI-LD entity the store writes as {@code entity_json} for every stored observation (and the MQTT
 * republisher sends), here for a cold-room LHT65 reading: five properties and a location.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NgsiLdMappingBenchmark {

    private Observation observation;

    @Setup
    public void setUp() throws DecodingException {
        Pilots.Pilot lht65 = Pilots.of("dragino-lht65");
        // the properties as the real decoder makes them, units and all
        Decoded decoded = lht65.decoder().get().decode(lht65.port(), lht65.payload());
        if (decoded.properties().size() != 5) {
            throw new IllegalStateException("the LHT65 vector decodes to " + decoded.properties().keySet() + ", not five properties");
        }
        observation = new Observation(new EntityId(lht65.entityType(), "musterstadt", "cold-room-1"),
                Instant.parse("2026-07-18T09:34:15.775Z"), decoded.properties(), new GeoPoint(7.6261, 51.9607),
                new Source("lorawan-chirpstack.musterstadt", "chirpstack", "a840410001811234", "fcnt:4711"));
    }

    @Benchmark
    public String entity() {
        return NgsiLdJson.entity(observation);
    }
}
