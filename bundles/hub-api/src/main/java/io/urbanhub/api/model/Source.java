package io.urbanhub.api.model;

/**
 * Where data came from, for provenance and de-duplication: the adapter instance (e.g.
 * {@code lorawan-chirpstack.musterstadt}), the external system kind (e.g. {@code chirpstack}), the
 * device there (e.g. its DevEUI) and the message's own id (e.g. the LoRaWAN frame counter), which
 * together identify one message however often it is delivered.
 */
public record Source(String adapter, String system, String device, String messageId) {

    public Source {
        requireText(adapter, "adapter");
        requireText(system, "system");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Source " + name + " is required");
        }
    }
}
