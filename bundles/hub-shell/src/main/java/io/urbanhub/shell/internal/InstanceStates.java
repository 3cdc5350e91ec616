package io.urbanhub.shell.internal;

import io.urbanhub.api.admin.AdapterInstanceStatus;

/** How the lifecycle commands report an instance's state. */
final class InstanceStates {

    private InstanceStates() {
    }

    /** E.g. {@code mqtt-heartbeat.demo: STOPPED (stopped by an admin)}. */
    static String line(AdapterInstanceStatus status) {
        return status.name() + ": " + status.state() + (status.reason().isEmpty() ? "" : " (" + status.reason() + ")");
    }
}
