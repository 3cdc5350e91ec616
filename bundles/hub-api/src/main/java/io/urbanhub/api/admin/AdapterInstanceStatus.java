package io.urbanhub.api.admin;

/**
 * One configured adapter instance as the hub runs it.
 *
 * @param name   its CamelContext name, {@code <adapter>.<instance>}
 * @param state  STARTING, RUNNING, WAITING, FAILED or STOPPED
 * @param reason why it waits, failed or is stopped; empty otherwise
 * @param tenant the tenant its configuration names (property {@code tenant}); empty when it names none
 */
public record AdapterInstanceStatus(String name, String adapter, String instance, String state, String reason,
                                    String tenant) {

    public AdapterInstanceStatus {
        tenant = tenant == null ? "" : tenant;
    }

    /** An instance whose configuration names no tenant. */
    public AdapterInstanceStatus(String name, String adapter, String instance, String state, String reason) {
        this(name, adapter, instance, state, reason, "");
    }
}
