package io.urbanhub.api.spi;

/** A payload that its decoder cannot read; the message is the dead letter's reason. */
public class DecodingException extends Exception {

    private static final long serialVersionUID = 1L;

    public DecodingException(String message) {
        super(message);
    }
}
