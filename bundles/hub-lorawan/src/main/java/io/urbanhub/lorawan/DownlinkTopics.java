package io.urbanhub.lorawan;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each device's downlinks go on its network server, learned from its uplinks: the topic names
 * the application (and on The Things Stack the end device id) that only an uplink tells.
 */
public final class DownlinkTopics {

    private final Map<String, String> topics = new ConcurrentHashMap<>();

    /** Reads an uplink and remembers its device's downlink topic. */
    public UplinkFormat learning(UplinkFormat format) {
        return message -> {
            LorawanUplink uplink = format.parse(message);
            if (uplink.downlinkTopic() != null) {
                topics.put(uplink.devEui(), uplink.downlinkTopic());
            }
            return uplink;
        };
    }

    /**
     * @throws IllegalStateException when no uplink of the device has come through this adapter yet
     */
    public String topicFor(String devEui) {
        return Optional.ofNullable(topics.get(devEui)).orElseThrow(() -> new IllegalStateException("No uplink of device "
                + devEui + " has come through this adapter yet, so its downlink topic is unknown"));
    }
}
