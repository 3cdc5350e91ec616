package io.urbanhub.codecs.internal;

/** A {@code *-codec.yaml} whose examples cannot be read. */
public class UnreadableExamplesException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableExamplesException(String message) {
        super(message);
    }
}
