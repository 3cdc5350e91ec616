package io.urbanhub.api.model;

/**
 * The character rules of entity types, tenants and local ids, checked by hand: every uplink's device lookup makes
 * an {@link EntityId}, and three regular expressions cost about a microsecond there.
 */
final class IdCharacters {

    private IdCharacters() {
    }

    /** A Smart Data Model type name: an upper-case letter, then letters and digits, 128 at most. */
    static boolean isType(String text) {
        if (text == null || text.isEmpty() || text.length() > 128 || !isUpper(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUpper(c) && !isLower(c) && !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case letters, digits and dashes, not starting with a dash, 63 at most. */
    static boolean isTenant(String text) {
        if (text == null || text.isEmpty() || text.length() > 63 || text.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLower(c) && !isDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits and {@code . _ ~ -}, and {@code :} after the first, 256 at most. */
    static boolean isLocalId(String text) {
        if (text == null || text.isEmpty() || text.length() > 256 || text.charAt(0) == ':') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUpper(c) && !isLower(c) && !isDigit(c) && c != '.' && c != '_' && c != '~' && c != '-' && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
