package io.urbanhub.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadTextTest {

    @Test
    void readableUtf8IsShownAsText() {
        String json = "{\"deviceInfo\":{\"devEui\":\"a84041000181ffff\"},\n\"data\":\"y6QHsQF9\"}";
        assertEquals(json, PayloadText.show(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Kühlraum 3", PayloadText.show("Kühlraum 3".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void binaryFramesAndControlCharactersAreShownAsHex() {
        assertEquals("hex cba407b1017d", PayloadText.show(new byte[] {(byte) 0xcb, (byte) 0xa4, 0x07, (byte) 0xb1, 0x01, 0x7d}));
        assertEquals("hex 410042", PayloadText.show(new byte[] {0x41, 0x00, 0x42}));
    }
}
