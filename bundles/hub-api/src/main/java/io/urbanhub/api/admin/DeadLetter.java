package io.urbanhub.api.admin;

import java.time.Instant;

/** A kept input that could not be stored, with why. {@code payload} is the input as received (up to the kept size). */
public record DeadLetter(long id, String tenant, String adapter, String system, String device, Instant receivedAt,
                         String reason, int payloadSize, byte[] payload) {
}
