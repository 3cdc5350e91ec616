package io.urbanhub.lorawan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.spi.Downlink;

class DownlinkTest {

    @Test
    void aDownlinkIsCheckedBeforeItIsQueued() {
        Downlink downlink = Downlink.ofHex("70B3D57ED0001BBB", 10, "01 ff", false);
        assertEquals("70b3d57ed0001bbb", downlink.devEui());
        assertArrayEquals(new byte[] {1, (byte) 0xff}, downlink.payload());

        assertRefused(() -> Downlink.ofHex("70b3d57ed0001bb", 10, "01", false), "16 hex digits");
        assertRefused(() -> Downlink.ofHex("70b3d57ed0001bbb", 0, "01", false), "1 to 223");
        assertRefused(() -> Downlink.ofHex("70b3d57ed0001bbb", 224, "01", false), "1 to 223");
        assertRefused(() -> Downlink.ofHex("70b3d57ed0001bbb", 10, "", false), "1 to 242 bytes");
        assertRefused(() -> Downlink.ofHex("70b3d57ed0001bbb", 10, "0".repeat(486), false), "1 to 242 bytes");
        assertRefused(() -> Downlink.ofHex("70b3d57ed0001bbb", 10, "0g", false), "hex digits");
        assertRefused(() -> Downlink.ofHex("70b3d57ed0001bbb", 10, "012", false), "hex digits");
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable call, String reason) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, call);
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
