package io.urbanhub.api.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.urbanhub.api.spi.Downlink;

@ProviderType
public interface AdapterInstances {

    List<AdapterInstanceStatus> instances();

    /**
     * Stops an instance gracefully: its routes finish the exchanges in flight (unacknowledged MQTT QoS 1
     * messages are redelivered later to its persistent session) and it stays {@code STOPPED} with the
     * reason {@value #STOPPED_BY_ADMIN}, also when its configuration or bundle changes, until
     * {@link #start(String)}. A restart of the hub starts it again.
     *
     * @return its status once stopped
     * @throws IllegalArgumentException when there is no such instance
     */
    AdapterInstanceStatus stop(String instance);

    /**
     * Starts an instance an admin stopped, or tries a waiting or failed one again; returns once the attempt is
     * over, with the status it left ({@code RUNNING}, {@code WAITING} or {@code FAILED}).
     *
     * @throws IllegalArgumentException when there is no such instance
     */
    AdapterInstanceStatus start(String instance);

    /** {@link #stop(String)}, then {@link #start(String)}. */
    AdapterInstanceStatus restart(String instance);

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

    String STOPPED_BY_ADMIN = "stopped by an admin";
    String REPLAY_ROUTE = "replay";
    String REPLAY_ENDPOINT = "direct:replay";
    String DOWNLINK_ROUTE = "downlinks";
    String DOWNLINK_ENDPOINT = "direct:downlink";
}
