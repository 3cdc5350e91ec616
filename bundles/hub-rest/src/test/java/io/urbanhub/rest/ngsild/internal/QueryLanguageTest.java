package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.query.AttributeCondition;
import io.urbanhub.api.query.AttributeCondition.Operator;

class QueryLanguageTest {

    @Test
    void andBindsTighterThanOr() {
        assertEquals(List.of(
                        List.of(new AttributeCondition("temperature", Operator.GREATER, 5.0),
                                new AttributeCondition("relativeHumidity", Operator.LESS_OR_EQUAL, 90.0)),
                        List.of(new AttributeCondition("status", Operator.EQUAL, "alarm|fire"))),
                QueryLanguage.parse("temperature>5;relativeHumidity<=90|status==\"alarm|fire\""));
    }

    @Test
    void readsBooleansAndBareNames() {
        assertEquals(List.of(List.of(new AttributeCondition("occupied", Operator.UNEQUAL, true),
                        new AttributeCondition("batteryStatus", Operator.EXISTS, null))),
                QueryLanguage.parse("occupied!=true;batteryStatus"));
        assertEquals(List.of(), QueryLanguage.parse(null));
        assertEquals(List.of(), QueryLanguage.parse("  "));
    }

    @Test
    void readsEveryComparisonAndNumberForm() {
        assertEquals(List.of(List.of(gt("a", -1.5), ge("b", 1000.0), lt("c", 0.25), le("d", 7.0),
                        new AttributeCondition("e", Operator.EQUAL, 3.0), ne("f", 4.0))),
                QueryLanguage.parse("a>-1.5;b>=1e3;c<0.25;d<=7;e==3;f!=4"));
    }

    @Test
    void toleratesSpacesBetweenTokens() {
        assertEquals(QueryLanguage.parse("(a>1|b<2);c==\"x y\""),
                QueryLanguage.parse(" ( a > 1 | b < 2 ) ; c == \"x y\" "));
    }

    @Test
    void parenthesesGroupAndAreDistributedIntoAlternatives() {
        assertEquals(List.of(List.of(gt("a", 1.0), eq("c", 3.0)), List.of(lt("b", 2.0), eq("c", 3.0))),
                QueryLanguage.parse("(a>1|b<2);c==3"));
        assertEquals(List.of(List.of(eq("c", 3.0), gt("a", 1.0)), List.of(eq("c", 3.0), lt("b", 2.0))),
                QueryLanguage.parse("c==3;(a>1|b<2)"));
        assertEquals(List.of(List.of(gt("a", 1.0), gt("c", 3.0)), List.of(gt("a", 1.0), gt("d", 4.0)),
                        List.of(gt("b", 2.0), gt("c", 3.0)), List.of(gt("b", 2.0), gt("d", 4.0))),
                QueryLanguage.parse("(a>1|b>2);(c>3|d>4)"));
    }

    @Test
    void nestsParenthesesToAnyDepth() {
        assertEquals(List.of(List.of(gt("a", 1.0), gt("b", 2.0), gt("d", 4.0)), List.of(gt("a", 1.0), gt("c", 3.0), gt("d", 4.0)),
                        List.of(gt("e", 5.0))),
                QueryLanguage.parse("(a>1;((b>2|c>3));d>4)|e>5"));
        assertEquals(List.of(List.of(gt("a", 1.0))), QueryLanguage.parse("(((a>1)))"));
    }

    @Test
    void dropsRepeatedConditionsAndAlternatives() {
        assertEquals(List.of(List.of(gt("a", 1.0)), List.of(gt("b", 2.0), gt("a", 1.0))),
                QueryLanguage.parse("(a>1|b>2);a>1"));
        assertEquals(List.of(List.of(gt("a", 1.0))), QueryLanguage.parse("a>1|a>1"));
    }

    @Test
    void anEqualityListMeansAnyOfTheValues() {
        assertEquals(List.of(List.of(eq("status", "free")), List.of(eq("status", "occupied"))),
                QueryLanguage.parse("status==\"free\",\"occupied\""));
        assertEquals(List.of(List.of(eq("level", 1.0), eq("kind", "a")), List.of(eq("level", 2.0), eq("kind", "a")),
                        List.of(eq("level", 3.0), eq("kind", "a"))),
                QueryLanguage.parse("level==1, 2 ,3;kind==\"a\""));
        assertEquals(List.of(List.of(eq("flag", true)), List.of(eq("flag", 0.0))), QueryLanguage.parse("flag==true,0"));
    }

    @Test
    void anUnequalListMeansNoneOfTheValues() {
        assertEquals(List.of(List.of(ne("status", "free"), ne("status", "occupied"))),
                QueryLanguage.parse("status!=\"free\",\"occupied\""));
    }

    @Test
    void anEqualityRangeIsInclusiveAndAnUnequalRangeMeansOutside() {
        assertEquals(List.of(List.of(ge("temperature", 10.0), le("temperature", 20.0))),
                QueryLanguage.parse("temperature==10..20"));
        assertEquals(List.of(List.of(lt("temperature", -5.5)), List.of(gt("temperature", 20.0))),
                QueryLanguage.parse("temperature!=-5.5..20"));
        assertEquals(List.of(List.of(ge("t", 1.0), le("t", 1.0))), QueryLanguage.parse("t==1..1"));
        assertEquals(List.of(List.of(lt("t", 1.0), eq("s", "x")), List.of(gt("t", 2.0), eq("s", "x"))),
                QueryLanguage.parse("t!=1..2;s==\"x\""));
    }

    @Test
    void quotedTextKeepsEveryCharacter() {
        assertEquals(List.of(List.of(eq("name", "(x);y|z,..1 ")), List.of(eq("name", ""))),
                QueryLanguage.parse("name==\"(x);y|z,..1 \"|name==\"\""));
        assertEquals(List.of(List.of(eq("code", "42"))), QueryLanguage.parse("code==\"42\""));
    }

    @Test
    void refusesSyntaxErrorsNamingTheProblemAndItsPosition() {
        assertRefused("(a>1|b>2;c>3", 1, "'(' is not closed");
        assertRefused("((a>1)", 1, "'(' is not closed");
        assertRefused("a>1)", 4, "')' has no matching '('");
        assertRefused("(a>1 x)", 6, "unexpected 'x'");
        assertRefused("a>1 b", 5, "unexpected 'b'");
        assertRefused("a>1;;b>2", 5, "a term is empty");
        assertRefused("a>1|", 5, "a term is empty");
        assertRefused(";a>1", 1, "a term is empty");
        assertRefused("()", 2, "a term is empty");
        assertRefused("9lives>1", 1, "must start with a letter");
        assertRefused("a=1", 2, "'=' is no operator");
        assertRefused("a>", 3, "a value is missing");
        assertRefused("a==1,", 6, "a value is missing");
        assertRefused("a==1..", 7, "a value is missing");
        assertRefused("temperature>warm", 13, "'warm' is no number");
        assertRefused("t>2026-01-01T00:00:00Z", 3, "is no number");
        assertRefused("status==\"open", 9, "the quote is not closed");
        assertRefused("a==1..2,3", 8, "unexpected ','");
    }

    @Test
    void refusesComparisonsTheStoreCannotAnswer() {
        assertRefused("status>\"a\"", 8, "text can only be compared with == or !=");
        assertRefused("occupied<true", 10, "true or false can only be compared with == or !=");
        assertRefused("level>1,2", 7, "a list of values needs == or !=");
        assertRefused("level<=1..2", 8, "a range needs == or !=");
        assertRefused("name==\"a\"..\"z\"", 7, "a range needs a number at both ends");
        assertRefused("t==20..10", 4, "the range 20..10 is empty");
        assertRefused("a==1,\"x\",b", 10, "'b' is no number");
    }

    @Test
    void leavesValidButUnansweredFeaturesToOperationNotSupported() {
        assertTrue(assertThrows(UnsupportedOperationException.class, () -> QueryLanguage.parse("name~=\"^A\""))
                .getMessage().contains("pattern matching"));
        assertThrows(UnsupportedOperationException.class, () -> QueryLanguage.parse("name!~=\"^A\""));
        assertTrue(assertThrows(UnsupportedOperationException.class, () -> QueryLanguage.parse("address.city==\"Aachen\""))
                .getMessage().contains("attribute paths"));
        assertThrows(UnsupportedOperationException.class, () -> QueryLanguage.parse("address[city]==\"Aachen\""));
    }

    @Test
    void refusesQueriesWhoseNormalFormGrowsTooLarge() {
        // 2^6 = 64 alternatives are answered, 2^7 are not
        String six = IntStream.range(0, 6).mapToObj(i -> "(a" + i + ">1|b" + i + ">1)").collect(Collectors.joining(";"));
        assertEquals(QueryLanguage.MAX_CONJUNCTIONS, QueryLanguage.parse(six).size());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> QueryLanguage.parse(six + ";(c>1|d>1)"));
        assertTrue(tooMany.getMessage().contains("more than " + QueryLanguage.MAX_CONJUNCTIONS + " alternatives"),
                tooMany.getMessage());
        assertTrue(tooMany.getMessage().startsWith("q at position " + (six.length() + 1) + ":"), tooMany.getMessage());

        String values = IntStream.rangeClosed(1, QueryLanguage.MAX_CONJUNCTIONS + 1).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        assertRefused("level==" + values, -1, "alternatives");
        assertEquals(1, QueryLanguage.parse("level!=" + values).size(), "none-of stays one conjunction");

        String many = IntStream.rangeClosed(1, QueryLanguage.MAX_CONDITIONS + 1).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        assertRefused("level!=" + many, -1, "more than " + QueryLanguage.MAX_CONDITIONS + " conditions");
    }

    @Test
    void refusesParenthesesNestedBeyondTheBound() {
        int depth = QueryLanguage.MAX_DEPTH;
        assertEquals(1, QueryLanguage.parse("(".repeat(depth) + "a>1" + ")".repeat(depth)).size());
        assertRefused("(".repeat(depth + 1) + "a>1" + ")".repeat(depth + 1), depth + 1, "nest deeper than");
    }

    /** A position below 1 skips checking the position. */
    private static void assertRefused(String q, int position, String problem) {
        String message = assertThrows(IllegalArgumentException.class, () -> QueryLanguage.parse(q)).getMessage();
        assertTrue(message.contains(problem), q + " gave: " + message);
        if (position > 0) {
            assertTrue(message.startsWith("q at position " + position + ": "), q + " gave: " + message);
        }
    }

    private static AttributeCondition eq(String attribute, Object value) {
        return new AttributeCondition(attribute, Operator.EQUAL, value);
    }

    private static AttributeCondition ne(String attribute, Object value) {
        return new AttributeCondition(attribute, Operator.UNEQUAL, value);
    }

    private static AttributeCondition gt(String attribute, double value) {
        return new AttributeCondition(attribute, Operator.GREATER, value);
    }

    private static AttributeCondition ge(String attribute, double value) {
        return new AttributeCondition(attribute, Operator.GREATER_OR_EQUAL, value);
    }

    private static AttributeCondition lt(String attribute, double value) {
        return new AttributeCondition(attribute, Operator.LESS, value);
    }

    private static AttributeCondition le(String attribute, double value) {
        return new AttributeCondition(attribute, Operator.LESS_OR_EQUAL, value);
    }
}
