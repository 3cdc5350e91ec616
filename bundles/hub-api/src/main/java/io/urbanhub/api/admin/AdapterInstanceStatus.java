package io.urbanhub.api.admin;

/**
 * One configured adapter instance as the hub runs it.
 *
 * @param name   its CamelContext name, {@code <adapter>.<instance>}
 * @param state  STARTING, RUNNING, WAITING, FAILED or STOPPED
 * @param reason why it waits or failed; empty otherwise
 */
public record AdapterInstanceStatus(String name, String adapter, String instance, String state, String reason) {
}
