package io.urbanhub.rest.ngsild.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.urbanhub.api.query.AttributeCondition;
import io.urbanhub.api.query.AttributeCondition.Operator;

/**
 * The part of the NGSI-LD query language ({@code q}) the hub answers: terms such as {@code temperature>5},
 * {@code status=="free"} or a bare attribute name, joined by {@code ;} (and) and {@code |} (or), where
 * and binds tighter. Parentheses, lists and ranges are refused with a clear message.
 */
final class QueryLanguage {

    private static final Pattern TERM = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*(==|!=|>=|<=|>|<)\\s*(.+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private QueryLanguage() {
    }

    static List<List<AttributeCondition>> parse(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        List<List<AttributeCondition>> anyOf = new ArrayList<>();
        for (String disjunct : split(q, '|')) {
            List<AttributeCondition> allOf = new ArrayList<>();
            for (String term : split(disjunct, ';')) {
                allOf.add(term(term.trim()));
            }
            anyOf.add(allOf);
        }
        return anyOf;
    }

    private static AttributeCondition term(String term) {
        if (NAME.matcher(term).matches()) {
            return new AttributeCondition(term, Operator.EXISTS, null);
        }
        Matcher matcher = TERM.matcher(term);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("q term '" + term + "' is not of the form attribute>value");
        }
        return new AttributeCondition(matcher.group(1), operator(matcher.group(2)), value(matcher.group(3).trim()));
    }

    private static Operator operator(String symbol) {
        return switch (symbol) {
            case "==" -> Operator.EQUAL;
            case "!=" -> Operator.UNEQUAL;
            case ">=" -> Operator.GREATER_OR_EQUAL;
            case "<=" -> Operator.LESS_OR_EQUAL;
            case ">" -> Operator.GREATER;
            default -> Operator.LESS;
        };
    }

    private static Object value(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.contains("..") || text.contains(",")) {
            throw new IllegalArgumentException("q ranges and lists ('" + text + "') are not supported yet");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("q value '" + text + "' is no number, boolean or \"quoted text\"");
        }
    }

    /** Splits at a separator outside quotes; refuses parentheses outside quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == ')')) {
                throw new IllegalArgumentException("q with parentheses is not supported yet");
            } else if (!quoted && c == separator) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (quoted) {
            throw new IllegalArgumentException("q has an unclosed quote");
        }
        parts.add(current.toString());
        return parts;
    }
}
