package io.urbanhub.bench.micro;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.api.spi.PayloadDecoder;

/** One payload of a pilot device type through its real decoder. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecoderBenchmark {

    @Param({"dragino-lht65", "dragino-ldds75", "decentlab-dl-lp8p", "bosch-tps110", "b-meters-iwm-lr3", "dragino-lt22222-l"})
    public String deviceType;

    // fields, not constants, so the JIT cannot fold the payload into the decoder
    private PayloadDecoder decoder;
    private int port;
    private byte[] payload;

    @Setup
    public void setUp() throws DecodingException {
        Pilots.Pilot pilot = Pilots.of(deviceType);
        decoder = pilot.decoder().get();
        port = pilot.port();
        payload = pilot.payload().clone();
        // a vector the decoder turns down would measure the error path
        if (decoder.decode(port, payload).properties().isEmpty()) {
            throw new IllegalStateException(deviceType + ": the vector decodes to no properties");
        }
    }

    @Benchmark
    public Decoded decode() throws DecodingException {
        return decoder.decode(port, payload);
    }
}
