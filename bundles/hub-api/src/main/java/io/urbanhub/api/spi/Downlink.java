package io.urbanhub.api.spi;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A downlink to queue for a LoRaWAN class A device, e.g. a command to a pump station; the network server
 * sends it in the device's next receive window.
 *
 * @param devEui    the device's EUI, 16 hex digits
 * @param port      the application port, 1 to 223 (LoRaWAN reserves 0 and 224 and above)
 * @param payload   at most 242 bytes: the most any LoRaWAN data rate carries
 * @param confirmed whether the device must acknowledge it
 */
public record Downlink(String devEui, int port, byte[] payload, boolean confirmed) {

    public static final int MAX_PAYLOAD_BYTES = 242;
    private static final Pattern EUI = Pattern.compile("[0-9a-f]{16}");

    public Downlink {
        devEui = devEui == null ? "" : devEui.toLowerCase(Locale.ROOT);
        if (!EUI.matcher(devEui).matches()) {
            throw new IllegalArgumentException("A DevEUI is 16 hex digits, not '" + devEui + "'");
        }
        if (port < 1 || port > 223) {
            throw new IllegalArgumentException("The port of a downlink is 1 to 223, not " + port);
        }
        if (payload == null || payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A downlink carries 1 to " + MAX_PAYLOAD_BYTES + " bytes");
        }
        payload = payload.clone();
    }

    /** A downlink whose payload is given as hex, as admins type it. */
    public static Downlink ofHex(String devEui, int port, String hex, boolean confirmed) {
        byte[] payload;
        try {
            payload = HexFormat.of().parseHex(hex.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The payload must be hex digits, two per byte: " + e.getMessage());
        }
        return new Downlink(devEui, port, payload, confirmed);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
