package io.urbanhub.lorawan;

/** Reads one network server's uplink message. */
@FunctionalInterface
public interface UplinkFormat {

    LorawanUplink parse(byte[] message) throws BadUplinkException;
}
