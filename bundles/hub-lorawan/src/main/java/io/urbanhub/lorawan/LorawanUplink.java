package io.urbanhub.lorawan;

import java.time.Instant;
import java.util.Map;

/**
 * The parts of an uplink the hub uses, whichever network server reported it.
 *
 * @param devEui          the device's EUI, lower case hex
 * @param time            when the network received it; null when the server did not say
 * @param decodedByServer what the network server's own payload formatter made of it; empty when none ran
 * @param downlinkTopic   where the network server takes downlinks for this device; null when unknown
 */
public record LorawanUplink(String devEui, long frameCounter, int port, byte[] data, Instant time,
                            Map<String, Object> decodedByServer, String downlinkTopic) {

    public LorawanUplink {
        decodedByServer = decodedByServer == null ? Map.of() : Map.copyOf(decodedByServer);
    }

    /** The message id that makes a redelivered uplink recognisable: the same on every network server. */
    public String messageId() {
        return "fcnt:" + frameCounter;
    }
}
