package io.urbanhub.runtime.internal;

enum AdapterState {
    /** Being started. */
    STARTING,
    /** Its CamelContext runs; routes that lose their connection are restarted by Camel's supervisor. */
    RUNNING,
    /** A component, language or data format its routes use is not installed; retried when one arrives. */
    WAITING,
    /** Its routes could not be built or started; retried when Camel extensions change. */
    FAILED,
    /** Its service is gone, or an admin stopped it. */
    STOPPED
}
