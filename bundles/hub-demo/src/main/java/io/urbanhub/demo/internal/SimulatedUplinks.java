package io.urbanhub.demo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ChirpStack v4 uplink events of simulated cold-room sensors: around 4 °C and 85 % humidity, with a
 * frame counter per device as a real one would count.
 */
final class SimulatedUplinks {

    record Uplink(String topic, byte[] json) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String applicationId;
    private final List<String> devices;
    private final long[] frameCounters;

    SimulatedUplinks(String applicationId, List<String> devices) {
        this.applicationId = applicationId;
        this.devices = List.copyOf(devices);
        this.frameCounters = new long[devices.size()];
    }

    synchronized List<Uplink> next(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Uplink> uplinks = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            String devEui = devices.get(i);
            // every third simulated room is a freezer
            double celsius = (i % 3 == 2 ? -18.0 : 4.0 + i) + random.nextGaussian() * 0.3;
            byte[] payload = Lht65Encoder.encode(3.05 - frameCounters[i] * 0.0001, celsius,
                    85 + random.nextGaussian() * 2, celsius - 0.4);
            uplinks.add(new Uplink("application/" + applicationId + "/device/" + devEui + "/event/up",
                    event(devEui, frameCounters[i]++, payload, now)));
        }
        return uplinks;
    }

    private byte[] event(String devEui, long frameCounter, byte[] payload, Instant now) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("deduplicationId", java.util.UUID.randomUUID().toString());
        event.put("time", now.toString());
        ObjectNode device = event.putObject("deviceInfo");
        device.put("applicationId", applicationId);
        device.put("deviceProfileName", "Dragino LHT65");
        device.put("deviceName", "cold-room-" + devEui.substring(devEui.length() - 4));
        device.put("devEui", devEui);
        event.put("fCnt", frameCounter);
        event.put("fPort", 2);
        event.put("data", Base64.getEncoder().encodeToString(payload));
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
