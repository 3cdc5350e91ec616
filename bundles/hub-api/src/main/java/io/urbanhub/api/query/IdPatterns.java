package io.urbanhub.api.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Entity id patterns a client may send: regular expressions bounded so that matching an id takes time linear or
 * at most quadratic in its length. A backtracking matcher (java.util.regex, and with it H2's REGEXP_LIKE) takes
 * exponential time on a repeated group that holds a quantifier or an alternation, such as {@code (a+)+} or
 * {@code (a|aa)*}, and time of the power n on n quantifiers in a row, such as {@code .*.*.*.*x}; backreferences
 * make matching NP-hard. Such patterns are refused before they reach a matcher.
 */
public final class IdPatterns {

    public static final int MAX_LENGTH = 256;
    /** Quantifiers that let a match vary in length; each one can multiply the work by the id's length. */
    public static final int MAX_QUANTIFIERS = 2;

    /** What a group holds, for deciding whether it may be repeated. */
    private static final class Group {
        boolean quantified;
        boolean alternation;
    }

    private final String pattern;
    private final Deque<Group> groups = new ArrayDeque<>();
    private int position;
    private int quantifiers;

    private IdPatterns(String pattern) {
        this.pattern = pattern;
        groups.push(new Group());
    }

    /**
     * Compiles an id pattern once it is known to be bounded.
     *
     * @throws IllegalArgumentException saying what is wrong, when it is no regular expression or not a bounded one
     */
    public static Pattern compile(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("idPattern is longer than " + MAX_LENGTH + " characters");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("idPattern is not a regular expression: " + e.getDescription());
        }
        new IdPatterns(pattern).check();
        return compiled;
    }

    /** Walks the pattern, which compiles, so that its syntax needs no more checking here. */
    private void check() {
        while (position < pattern.length()) {
            char c = pattern.charAt(position++);
            switch (c) {
                case '\\' -> {
                    escape();
                    quantifier(false);
                }
                case '[' -> {
                    characterClass();
                    quantifier(false);
                }
                case '(' -> openGroup();
                case ')' -> {
                    Group group = groups.pop();
                    boolean risky = group.quantified || group.alternation;
                    boolean quantified = quantifier(risky);
                    groups.peek().quantified |= group.quantified || quantified;
                    groups.peek().alternation |= group.alternation;
                }
                case '|' -> groups.peek().alternation = true;
                default -> quantifier(false);
            }
        }
    }

    private void escape() {
        char c = pattern.charAt(position++);
        if (c >= '1' && c <= '9' || c == 'k') {
            throw refused("idPattern must not hold backreferences");
        }
        if (c == 'Q') {
            int end = pattern.indexOf("\\E", position);
            position = end < 0 ? pattern.length() : end + 2;
        } else if ((c == 'p' || c == 'P' || c == 'x' || c == 'N') && position < pattern.length() && pattern.charAt(position) == '{') {
            position = pattern.indexOf('}', position) + 1;
        }
    }

    /** Skips a character class, nested ones included; ']' right after the opening is a literal. */
    private void characterClass() {
        int depth = 1;
        if (position < pattern.length() && pattern.charAt(position) == '^') {
            position++;
        }
        if (position < pattern.length() && pattern.charAt(position) == ']') {
            position++;
        }
        while (depth > 0 && position < pattern.length()) {
            char c = pattern.charAt(position++);
            if (c == '\\') {
                escape();
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
    }

    private void openGroup() {
        if (pattern.startsWith("?", position)) {
            // inline flags such as (?i) are no group
            int end = position + 1;
            while (end < pattern.length() && "idmsuxU-".indexOf(pattern.charAt(end)) >= 0) {
                end++;
            }
            if (end < pattern.length() && pattern.charAt(end) == ')') {
                position = end + 1;
                return;
            }
        }
        groups.push(new Group());
    }

    /**
     * Reads the quantifier after an atom, if there is one.
     *
     * @param risky whether the atom is a group that must not be repeated
     * @return whether there was a quantifier
     */
    private boolean quantifier(boolean risky) {
        if (position >= pattern.length()) {
            return false;
        }
        char c = pattern.charAt(position);
        boolean varies;
        boolean repeats;
        if (c == '*' || c == '+') {
            varies = true;
            repeats = true;
        } else if (c == '?') {
            varies = true;
            repeats = false;
        } else if (c == '{') {
            int end = pattern.indexOf('}', position);
            String[] bounds = pattern.substring(position + 1, end).split(",", -1);
            int min = Integer.parseInt(bounds[0].trim());
            int max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].trim());
            varies = max > min;
            repeats = max > 1;
            position = end;
        } else {
            return false;
        }
        position++;
        if (position < pattern.length() && (pattern.charAt(position) == '?' || pattern.charAt(position) == '+')) {
            position++;
        }
        if (risky && repeats) {
            throw refused("idPattern must not repeat a group that holds a quantifier or an alternation, such as (a+)+"
                    + " or (a|b)*: matching it can take exponential time; use a character class such as [ab]*");
        }
        if (varies && ++quantifiers > MAX_QUANTIFIERS) {
            throw refused("idPattern may hold at most " + MAX_QUANTIFIERS + " quantifiers such as * + ? {1,3}");
        }
        groups.peek().quantified |= varies || repeats;
        return varies || repeats;
    }

    private static IllegalArgumentException refused(String problem) {
        return new IllegalArgumentException(problem);
    }
}
