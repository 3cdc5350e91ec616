package io.urbanhub.route.kdn.open311.internal.parse;

/** A response that is not a GeoReport v2 document, or a server that did not answer as one. */
public class Open311Exception extends Exception {

    public Open311Exception(String message) {
        super(message);
    }

    public Open311Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
