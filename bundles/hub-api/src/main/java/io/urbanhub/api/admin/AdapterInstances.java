package io.urbanhub.api.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.urbanhub.api.spi.Downlink;

@ProviderType
public interface AdapterInstances {

    List<AdapterInstanceStatus> instances();

    /**
     * Hands a kept input back to the adapter instance that received it, as if it came again; the adapter
     * stores it or keeps it as a dead letter anew. Adapters that can do so have a route {@value #REPLAY_ROUTE}
     * from {@value #REPLAY_ENDPOINT}.
     *
     * @throws IllegalStateException when the instance is not running or cannot replay, saying which
     */
    void replay(String instance, byte[] input);

    /**
     * Queues a downlink through the adapter instance the device's uplinks come through. Adapters that can
     * do so have a route {@value #DOWNLINK_ROUTE} from {@value #DOWNLINK_ENDPOINT}.
     *
     * @throws IllegalStateException when the instance is not running or cannot send it, saying why
     */
    void downlink(String instance, Downlink downlink);

    String REPLAY_ROUTE = "replay";
    String REPLAY_ENDPOINT = "direct:replay";
    String DOWNLINK_ROUTE = "downlinks";
    String DOWNLINK_ENDPOINT = "direct:downlink";
}
