package io.urbanhub.codecs.internal;

/** A codec file that cannot be used: a syntax error, no decodeUplink function, a bad mapping. */
public class BrokenCodecException extends Exception {

    private static final long serialVersionUID = 1L;

    public BrokenCodecException(String message) {
        super(message);
    }
}
