package io.urbanhub.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.spi.Decoded;
import io.urbanhub.decoders.internal.DraginoLht65Decoder;

class SimulatedUplinksTest {

    @Test
    void simulatedUplinksAreChirpStackEventsTheLht65DecoderReads() throws Exception {
        SimulatedUplinks simulator = new SimulatedUplinks("demo", List.of("a840410001810001"));
        simulator.next(Instant.now());
        SimulatedUplinks.Uplink second = simulator.next(Instant.parse("2026-11-27T10:00:00Z")).get(0);

        assertEquals("application/demo/device/a840410001810001/event/up", second.topic());
        JsonNode event = new ObjectMapper().readTree(second.json());
        assertEquals(1, event.get("fCnt").asLong());
        assertEquals("2026-11-27T10:00:00Z", event.get("time").asText());
        Decoded decoded = new DraginoLht65Decoder().decode(event.get("fPort").asInt(),
                Base64.getDecoder().decode(event.get("data").asText()));
        double celsius = (Double) decoded.properties().get("temperature").value();
        assertEquals(4.0, celsius, 2.0);
        assertEquals(celsius - 0.4, (Double) decoded.properties().get("externalTemperature").value(), 0.011);
    }

    @Test
    void encodesFreezingTemperaturesAsTheSensorDoes() throws Exception {
        Decoded decoded = new DraginoLht65Decoder().decode(2, Lht65Encoder.encode(3.062, -18.5, 55.5, -19.25));
        assertEquals(-18.5, decoded.properties().get("temperature").value());
        assertEquals(55.5, decoded.properties().get("relativeHumidity").value());
        assertEquals(-19.25, decoded.properties().get("externalTemperature").value());
        assertEquals(3.062, decoded.properties().get("batteryVoltage").value());
    }
}
