package io.urbanhub.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written checks agree with the rules as regular expressions, on every short string of a telling alphabet. */
class IdCharactersTest {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,127}");
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9._~-][A-Za-z0-9._~:-]{0,255}");
    private static final String ALPHABET = "aZ0-:._~ /äÄ\u0000";

    @Test
    void agreeWithTheRegularExpressionsOnAllShortStrings() {
        for (String text : allStrings(3)) {
            assertEquals(TYPE.matcher(text).matches(), IdCharacters.isType(text), "type '" + text + "'");
            assertEquals(TENANT.matcher(text).matches(), IdCharacters.isTenant(text), "tenant '" + text + "'");
            assertEquals(LOCAL_ID.matcher(text).matches(), IdCharacters.isLocalId(text), "local id '" + text + "'");
        }
    }

    @Test
    void agreeAtTheLengthLimits() {
        for (int length : new int[] {62, 63, 64, 127, 128, 129, 255, 256, 257}) {
            for (String text : List.of("A" + "b".repeat(length - 1), "a".repeat(length), "a" + ":".repeat(length - 1))) {
                assertEquals(TYPE.matcher(text).matches(), IdCharacters.isType(text), "type of length " + length);
                assertEquals(TENANT.matcher(text).matches(), IdCharacters.isTenant(text), "tenant of length " + length);
                assertEquals(LOCAL_ID.matcher(text).matches(), IdCharacters.isLocalId(text), "local id of length " + length);
            }
        }
    }

    @Test
    void nullIsNoId() {
        assertFalse(IdCharacters.isType(null));
        assertFalse(IdCharacters.isTenant(null));
        assertFalse(IdCharacters.isLocalId(null));
    }

    private static List<String> allStrings(int maxLength) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : ALPHABET.toCharArray()) {
                    longer.add(prefix + c);
                }
            }
            all.addAll(longer);
            previous = longer;
        }
        return all;
    }
}
