package io.urbanhub.codecs.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Declares with {@code let} what a codec declares with {@code const}. Rhino 1.9 binds a {@code const} once
 * per function (mozilla/rhino#939): a {@code const} in a loop body keeps the value of the first pass, and
 * a codec that reads bytes in a loop returns wrong numbers without any error. Its {@code let} has the
 * block scope of ES2015, and it also takes {@code for (const x of xs)}, a syntax error in Rhino. Only the
 * check against assigning a constant is lost, which a working codec never needs. The keyword becomes
 * {@code "let  "}, as long as before, so lines and columns in error messages stay true.
 *
 * <p>A small scanner finds the keyword: it skips comments, strings, template literals (with their
 * {@code ${...}} code) and regular-expression literals, and leaves property names ({@code o.const},
 * {@code {const: 1}}) alone.
 */
final class ConstAsLet {

    /** Words after which a slash starts a regular expression rather than a division. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private final String source;
    private final StringBuilder out;
    private int at;
    /** The last token that was not space or a comment: a word, or one character of punctuation; "" at the start. */
    private String previous = "";
    /** Per template literal being read: how many braces of its current {@code ${...}} are open. */
    private final Deque<int[]> templates = new ArrayDeque<>();

    private ConstAsLet(String source) {
        this.source = source;
        this.out = new StringBuilder(source);
    }

    static String rewrite(String source) {
        return new ConstAsLet(source).scan();
    }

    private String scan() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '/' && next() == '/') {
                at = lineEnd();
            } else if (c == '/' && next() == '*') {
                int end = source.indexOf("*/", at + 2);
                at = end < 0 ? source.length() : end + 2;
            } else if (c == '\'' || c == '"') {
                skipQuoted(c);
                previous = "\"";
            } else if (c == '`') {
                at++;
                skipTemplate();
            } else if (c == '}' && !templates.isEmpty() && templates.peek()[0] == 0) {
                templates.pop();
                at++;
                skipTemplate();
            } else if (c == '/' && regexMayStart()) {
                skipRegex();
                previous = "\"";
            } else if (Character.isJavaIdentifierStart(c)) {
                word();
            } else if (Character.isDigit(c)) {
                while (at < source.length() && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '.')) {
                    at++;
                }
                previous = "0";
            } else {
                if (!templates.isEmpty()) {
                    templates.peek()[0] += c == '{' ? 1 : c == '}' ? -1 : 0;
                }
                if (!Character.isWhitespace(c)) {
                    previous = String.valueOf(c);
                }
                at++;
            }
        }
        return out.toString();
    }

    private void word() {
        int start = at;
        while (at < source.length() && Character.isJavaIdentifierPart(source.charAt(at))) {
            at++;
        }
        String word = source.substring(start, at);
        if (word.equals("const") && !previous.equals(".") && !isPropertyName()) {
            out.replace(start, at, "let  ");
        }
        previous = word;
    }

    /** {@code {const: 1}} or a method {@code const() {}}: the word is followed by a colon or a parenthesis. */
    private boolean isPropertyName() {
        int next = at;
        while (next < source.length() && Character.isWhitespace(source.charAt(next))) {
            next++;
        }
        return next < source.length() && (source.charAt(next) == ':' || source.charAt(next) == '(');
    }

    private boolean regexMayStart() {
        if (previous.isEmpty()) {
            return true;
        }
        char last = previous.charAt(0);
        if (Character.isJavaIdentifierStart(last)) {
            return BEFORE_EXPRESSION.contains(previous);
        }
        return !(previous.equals("0") || previous.equals("\"") || last == ')' || last == ']' || last == '}');
    }

    private void skipQuoted(char quote) {
        at++;
        while (at < source.length() && source.charAt(at) != quote && source.charAt(at) != '\n') {
            at += source.charAt(at) == '\\' ? 2 : 1;
        }
        at++;
    }

    /** From inside a template literal to its end, or into the code of its next {@code ${...}}. */
    private void skipTemplate() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '\\') {
                at += 2;
            } else if (c == '`') {
                at++;
                previous = "\"";
                return;
            } else if (c == '$' && next() == '{') {
                at += 2;
                templates.push(new int[] {0});
                previous = "{";
                return;
            } else {
                at++;
            }
        }
    }

    private void skipRegex() {
        at++;
        boolean inClass = false;
        while (at < source.length() && source.charAt(at) != '\n') {
            char c = source.charAt(at);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
            at++;
        }
        at++;
        while (at < source.length() && Character.isJavaIdentifierPart(source.charAt(at))) {
            at++;
        }
    }

    private char next() {
        return at + 1 < source.length() ? source.charAt(at + 1) : '\0';
    }

    private int lineEnd() {
        int end = source.indexOf('\n', at);
        return end < 0 ? source.length() : end;
    }
}
