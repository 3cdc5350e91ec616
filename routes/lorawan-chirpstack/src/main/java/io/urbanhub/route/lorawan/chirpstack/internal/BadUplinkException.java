package io.urbanhub.route.lorawan.chirpstack.internal;

/** An uplink that cannot become observations; the message is the dead letter's reason. */
final class BadUplinkException extends Exception {

    private static final long serialVersionUID = 1L;

    BadUplinkException(String reason) {
        super(reason);
    }
}
