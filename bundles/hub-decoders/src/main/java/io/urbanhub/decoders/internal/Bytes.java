package io.urbanhub.decoders.internal;

import java.util.HexFormat;

/** Reads the integers of a payload; big-endian unless the name says otherwise. */
final class Bytes {

    private Bytes() {
    }

    static int unsigned8(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF;
    }

    static int unsigned16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }

    static int signed16(byte[] bytes, int offset) {
        return (short) unsigned16(bytes, offset);
    }

    static long unsigned32(byte[] bytes, int offset) {
        return (long) unsigned16(bytes, offset) << 16 | unsigned16(bytes, offset + 2);
    }

    /**
     * Eight decimal digits, two per byte, least significant byte first, as M-Bus meters count.
     *
     * @return the number, or -1 when a nibble is not a decimal digit
     */
    static long bcd32LittleEndian(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset + 3; i >= offset; i--) {
            int high = (bytes[i] & 0xF0) >> 4;
            int low = bytes[i] & 0x0F;
            if (high > 9 || low > 9) {
                return -1;
            }
            value = value * 100 + high * 10 + low;
        }
        return value;
    }

    /** For messages: the bytes as hexadecimal pairs, e.g. {@code 4a 20 01}. */
    static String hex(byte[] bytes, int offset, int length) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes, offset, offset + length);
    }

    /** Rounds a computed reading to a sensible resolution, e.g. a water level to millimetres. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
