package io.urbanhub.route.datex2.internal.parse;

/** A publication that cannot be read, with the reason and, where known, the line. */
public class Datex2Exception extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        MALFORMED_XML,
        NOT_DATEX2,
        UNKNOWN_VERSION,
        UNSUPPORTED_PUBLICATION,
        INVALID_VALUE
    }

    private final Reason reason;
    private final int line;

    public Datex2Exception(Reason reason, String message, int line, Throwable cause) {
        super(line > 0 ? message + " (line " + line + ")" : message, cause);
        this.reason = reason;
        this.line = line;
    }

    public Datex2Exception(Reason reason, String message) {
        this(reason, message, -1, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The line of the offending input, or -1 when it is not known. */
    public int line() {
        return line;
    }
}
