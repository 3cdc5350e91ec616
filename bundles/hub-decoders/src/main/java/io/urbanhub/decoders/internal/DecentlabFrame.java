package io.urbanhub.decoders.internal;

import io.urbanhub.api.spi.DecodingException;

/**
 * The uplink every Decentlab sensor sends on FPort 1, protocol version 2: version byte, device id,
 * a 16-bit flag word saying which sensors follow, then each flagged sensor's readings as 16-bit words,
 * in flag order. Decoders name and scale the words; this class only checks and splits the frame. The
 * device id is not kept: the hub knows the device from the network server.
 */
final class DecentlabFrame {

    static final int PORT = 1;
    private static final int VERSION = 2;
    private static final int HEADER_LENGTH = 5;

    private final int[][] sensors;

    private DecentlabFrame(int[][] sensors) {
        this.sensors = sensors;
    }

    /**
     * @param model        the sensor's name for messages, e.g. {@code DL-MBX}
     * @param wordsPerSensor how many 16-bit words each of the device's sensors sends, in flag order
     */
    static DecentlabFrame read(String model, int port, byte[] payload, int... wordsPerSensor) throws DecodingException {
        if (port != PORT) {
            throw new DecodingException("unknown FPort " + port + " (Decentlab sensors send their readings on FPort 1)");
        }
        if (payload.length < HEADER_LENGTH) {
            throw new DecodingException(model + " payload has " + payload.length + " bytes, less than its "
                    + HEADER_LENGTH + "-byte header");
        }
        int version = Bytes.unsigned8(payload, 0);
        if (version != VERSION) {
            throw new DecodingException("protocol version " + version + " doesn't match v2");
        }
        int flags = Bytes.unsigned16(payload, 3);
        if (flags == 0) {
            throw new DecodingException(model + " payload carries no readings (flags 00 00)");
        }
        if (flags >> wordsPerSensor.length != 0) {
            throw new DecodingException(model + " flags " + Bytes.hex(payload, 3, 2) + " name sensors the "
                    + model + " does not have");
        }
        int expected = HEADER_LENGTH;
        for (int sensor = 0; sensor < wordsPerSensor.length; sensor++) {
            if ((flags & 1 << sensor) != 0) {
                expected += 2 * wordsPerSensor[sensor];
            }
        }
        if (payload.length != expected) {
            throw new DecodingException(model + " payload has " + payload.length + " bytes, its flags "
                    + Bytes.hex(payload, 3, 2) + " announce " + expected);
        }
        int[][] sensors = new int[wordsPerSensor.length][];
        int position = HEADER_LENGTH;
        for (int sensor = 0; sensor < wordsPerSensor.length; sensor++) {
            if ((flags & 1 << sensor) != 0) {
                sensors[sensor] = new int[wordsPerSensor[sensor]];
                for (int word = 0; word < wordsPerSensor[sensor]; word++, position += 2) {
                    sensors[sensor][word] = Bytes.unsigned16(payload, position);
                }
            }
        }
        return new DecentlabFrame(sensors);
    }

    /** The words of one sensor, or null when this uplink does not carry it. */
    int[] sensor(int index) {
        return sensors[index];
    }
}
