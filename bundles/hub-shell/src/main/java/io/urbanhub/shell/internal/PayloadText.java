package io.urbanhub.shell.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Shows a kept payload as text when it is readable UTF-8 (JSON, CSV, XML), otherwise as hex (LoRaWAN frames). */
final class PayloadText {

    private PayloadText() {
    }

    static String show(byte[] payload) {
        String text = utf8(payload);
        return text != null && readable(text) ? text : "hex " + HexFormat.of().formatHex(payload);
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean readable(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || !Character.isISOControl(c));
    }
}
