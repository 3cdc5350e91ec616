package io.urbanhub.lorawan;

/** The MDC keys of the hub's log lines, shown by the distribution's log pattern and filterable in log:tail. */
public final class LogContext {

    public static final String TENANT = "tenant";
    public static final String ADAPTER = "adapter";
    public static final String DEVICE = "device";

    private LogContext() {
    }
}
