package io.urbanhub.lorawan;

/** An uplink that cannot become observations; the message is the dead letter's reason. */
public final class BadUplinkException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadUplinkException(String reason) {
        super(reason);
    }
}
