package io.urbanhub.route.lorawan.chirpstack.internal;

import java.time.Instant;

/** The parts of a ChirpStack v4 {@code up} event the hub uses. */
record ChirpStackUplink(String devEui, long frameCounter, int port, byte[] data, Instant time) {
}
