package io.urbanhub.api.spi;

/** The MDC keys adapters set while they handle an input, so that every line logged meanwhile names it. */
public final class LogContext {

    public static final String TENANT = "tenant";
    public static final String ADAPTER = "adapter";
    public static final String DEVICE = "device";

    private LogContext() {
    }
}
