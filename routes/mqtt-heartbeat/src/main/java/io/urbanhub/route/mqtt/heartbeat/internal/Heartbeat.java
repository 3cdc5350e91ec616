package io.urbanhub.route.mqtt.heartbeat.internal;

/** What goes through the broker and comes back; serialised as JSON. */
public record Heartbeat(String instance, long sequence, long sentAtMillis) {

    long roundTripMillis(long receivedAtMillis) {
        return receivedAtMillis - sentAtMillis;
    }
}
