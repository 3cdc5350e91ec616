package io.urbanhub.route.datex2.internal.feed;

/** A feed that could not be read; the message says why, for the adapter's status and the log. */
public final class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedException(String reason) {
        super(reason);
    }
}
