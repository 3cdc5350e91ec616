package io.urbanhub.rest.ngsild.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.urbanhub.api.query.AttributeCondition;
import io.urbanhub.api.query.AttributeCondition.Operator;

/**
 * Reads the NGSI-LD query language ({@code q}, GS CIM 009 clause 4.9) into disjunctive normal form: any of the
 * inner lists (or) whose conditions all hold (and), which the store answers as plain SQL.
 * <p>
 * A term compares an attribute with a number, a boolean or "quoted text" ({@code temperature>5},
 * {@code status=="free"}), or names the attribute alone for its presence. {@code ==} also takes a list
 * ({@code level==1,2,3}: any of them) or a numeric range ({@code temperature==10..20}: 10 to 20 inclusive);
 * with {@code !=} a list means none of them and a range means outside it. Terms join with {@code ;} (and) and
 * {@code |} (or), and binds tighter, parentheses group to any depth up to {@value #MAX_DEPTH}.
 * <p>
 * Syntax errors, and queries whose normal form would exceed {@value #MAX_CONJUNCTIONS} alternatives or
 * {@value #MAX_CONDITIONS} conditions, throw an {@link IllegalArgumentException} naming the position.
 * Pattern matching ({@code ~=}) and attribute paths ({@code a.b}, {@code a[b]}) are valid NGSI-LD the hub does
 * not answer: they throw an {@link UnsupportedOperationException}.
 */
final class QueryLanguage {

    /** Each alternative becomes its own SQL branch, so a few operators must not multiply into thousands. */
    static final int MAX_CONJUNCTIONS = 64;
    static final int MAX_CONDITIONS = 1024;
    /** Bounds the recursion, so that a crafted query cannot exhaust the request thread's stack. */
    static final int MAX_DEPTH = 32;

    private static final Map<String, Operator> OPERATORS = operators();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String DELIMITERS = ";|(),";

    private final String text;
    private int position;
    private int depth;

    private QueryLanguage(String text) {
        this.text = text;
    }

    static List<List<AttributeCondition>> parse(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        QueryLanguage parser = new QueryLanguage(q);
        List<List<AttributeCondition>> anyOf = parser.disjunction();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.peek() == ')' ? parser.error(parser.position, "')' has no matching '('")
                    : parser.unexpected("';', '|' or the end");
        }
        return anyOf;
    }

    private List<List<AttributeCondition>> disjunction() {
        List<List<AttributeCondition>> anyOf = conjunction();
        while (accept("|")) {
            int at = position - 1;
            anyOf = or(anyOf, conjunction(), at);
        }
        return anyOf;
    }

    private List<List<AttributeCondition>> conjunction() {
        List<List<AttributeCondition>> allOf = factor();
        while (accept(";")) {
            int at = position - 1;
            allOf = and(allOf, factor(), at);
        }
        return allOf;
    }

    private List<List<AttributeCondition>> factor() {
        skipSpaces();
        int open = position;
        if (!accept("(")) {
            return term();
        }
        if (++depth > MAX_DEPTH) {
            throw error(open, "parentheses nest deeper than " + MAX_DEPTH);
        }
        List<List<AttributeCondition>> inner = disjunction();
        skipSpaces();
        if (atEnd()) {
            throw error(open, "'(' is not closed");
        }
        if (!accept(")")) {
            throw unexpected("';', '|' or ')'");
        }
        depth--;
        return inner;
    }

    private List<List<AttributeCondition>> term() {
        String attribute = attribute();
        Operator operator = operator();
        if (operator == null) {
            return List.of(List.of(new AttributeCondition(attribute, Operator.EXISTS, null)));
        }
        skipSpaces();
        int valueAt = position;
        Object first = value();
        if (accept("..")) {
            return range(attribute, operator, first, value(), valueAt);
        }
        if (!accept(",")) {
            return List.of(List.of(condition(attribute, operator, first, valueAt)));
        }
        if (operator != Operator.EQUAL && operator != Operator.UNEQUAL) {
            throw error(valueAt, "a list of values needs == or !=");
        }
        // == any of the values: one alternative each; != none of them: all in one conjunction
        List<List<AttributeCondition>> anyOf = List.of(List.of(condition(attribute, operator, first, valueAt)));
        do {
            int comma = position - 1;
            skipSpaces();
            int at = position;
            List<List<AttributeCondition>> next = List.of(List.of(condition(attribute, operator, value(), at)));
            anyOf = operator == Operator.EQUAL ? or(anyOf, next, comma) : and(anyOf, next, comma);
        } while (accept(","));
        return anyOf;
    }

    private List<List<AttributeCondition>> range(String attribute, Operator operator, Object from, Object to, int at) {
        if (operator != Operator.EQUAL && operator != Operator.UNEQUAL) {
            throw error(at, "a range needs == or !=");
        }
        if (!(from instanceof Double low) || !(to instanceof Double high)) {
            throw error(at, "a range needs a number at both ends");
        }
        if (low > high) {
            throw error(at, "the range " + text.substring(at, position).trim() + " is empty");
        }
        if (operator == Operator.EQUAL) {
            return List.of(List.of(new AttributeCondition(attribute, Operator.GREATER_OR_EQUAL, low),
                    new AttributeCondition(attribute, Operator.LESS_OR_EQUAL, high)));
        }
        return List.of(List.of(new AttributeCondition(attribute, Operator.LESS, low)),
                List.of(new AttributeCondition(attribute, Operator.GREATER, high)));
    }

    private AttributeCondition condition(String attribute, Operator operator, Object value, int at) {
        if (!(value instanceof Double) && operator != Operator.EQUAL && operator != Operator.UNEQUAL) {
            throw error(at, (value instanceof String ? "text" : "true or false") + " can only be compared with == or !=");
        }
        return new AttributeCondition(attribute, operator, value);
    }

    private String attribute() {
        skipSpaces();
        int start = position;
        if (atEnd() || DELIMITERS.indexOf(peek()) >= 0) {
            throw error(start, "a term is empty");
        }
        if (!isLetter(peek())) {
            throw error(start, "an attribute name must start with a letter");
        }
        while (!atEnd() && (isLetter(peek()) || peek() >= '0' && peek() <= '9' || peek() == '_')) {
            position++;
        }
        if (!atEnd() && (peek() == '.' || peek() == '[')) {
            throw new UnsupportedOperationException(prefix(position) + "attribute paths such as "
                    + text.substring(start, position) + peek() + "... are not supported");
        }
        return text.substring(start, position);
    }

    /** The comparison after an attribute, or {@code null} when the attribute stands alone. */
    private Operator operator() {
        skipSpaces();
        if (text.startsWith("~=", position) || text.startsWith("!~=", position)) {
            throw new UnsupportedOperationException(prefix(position) + "pattern matching (~=, !~=) is not supported");
        }
        for (Map.Entry<String, Operator> operator : OPERATORS.entrySet()) {
            if (text.startsWith(operator.getKey(), position)) {
                position += operator.getKey().length();
                return operator.getValue();
            }
        }
        if (!atEnd() && peek() == '=') {
            throw error(position, "'=' is no operator; compare with ==");
        }
        return null;
    }

    private Object value() {
        skipSpaces();
        int start = position;
        if (!atEnd() && peek() == '"') {
            // NGSI-LD text has no escapes: the next quote ends it
            int close = text.indexOf('"', start + 1);
            if (close < 0) {
                throw error(start, "the quote is not closed");
            }
            position = close + 1;
            return text.substring(start + 1, close);
        }
        while (!atEnd() && DELIMITERS.indexOf(peek()) < 0 && !Character.isWhitespace(peek())
                && !text.startsWith("..", position)) {
            position++;
        }
        String token = text.substring(start, position);
        if (token.isEmpty()) {
            throw error(start, "a value is missing");
        }
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        if (NUMBER.matcher(token).matches() && Double.isFinite(Double.parseDouble(token))) {
            return Double.parseDouble(token);
        }
        throw error(start, "'" + token + "' is no number, true, false or \"quoted text\"");
    }

    private List<List<AttributeCondition>> or(List<List<AttributeCondition>> left, List<List<AttributeCondition>> right,
                                              int at) {
        Set<List<AttributeCondition>> anyOf = new LinkedHashSet<>(left);
        anyOf.addAll(right);
        return bounded(anyOf, at);
    }

    /** Distributes and over or: every alternative of the left with every alternative of the right. */
    private List<List<AttributeCondition>> and(List<List<AttributeCondition>> left, List<List<AttributeCondition>> right,
                                               int at) {
        Set<List<AttributeCondition>> anyOf = new LinkedHashSet<>();
        for (List<AttributeCondition> leftAllOf : left) {
            for (List<AttributeCondition> rightAllOf : right) {
                Set<AttributeCondition> allOf = new LinkedHashSet<>(leftAllOf);
                allOf.addAll(rightAllOf);
                anyOf.add(List.copyOf(allOf));
            }
        }
        return bounded(anyOf, at);
    }

    private List<List<AttributeCondition>> bounded(Set<List<AttributeCondition>> anyOf, int at) {
        if (anyOf.size() > MAX_CONJUNCTIONS) {
            throw error(at, "the query expands to more than " + MAX_CONJUNCTIONS + " alternatives; simplify it");
        }
        if (anyOf.stream().mapToInt(List::size).sum() > MAX_CONDITIONS) {
            throw error(at, "the query expands to more than " + MAX_CONDITIONS + " conditions; simplify it");
        }
        return List.copyOf(anyOf);
    }

    private boolean accept(String symbol) {
        skipSpaces();
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private IllegalArgumentException unexpected(String expected) {
        return error(position, "unexpected '" + peek() + "'; expected " + expected);
    }

    private IllegalArgumentException error(int at, String problem) {
        return new IllegalArgumentException(prefix(at) + problem);
    }

    private static String prefix(int at) {
        return "q at position " + (at + 1) + ": ";
    }

    private static Map<String, Operator> operators() {
        // two-character symbols first, so that >= is not read as >
        Map<String, Operator> operators = new LinkedHashMap<>();
        operators.put("==", Operator.EQUAL);
        operators.put("!=", Operator.UNEQUAL);
        operators.put(">=", Operator.GREATER_OR_EQUAL);
        operators.put("<=", Operator.LESS_OR_EQUAL);
        operators.put(">", Operator.GREATER);
        operators.put("<", Operator.LESS);
        return operators;
    }
}
