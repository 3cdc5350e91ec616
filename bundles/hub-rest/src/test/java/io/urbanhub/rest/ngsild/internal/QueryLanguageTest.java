package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

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
    }

    @Test
    void refusesWhatItDoesNotAnswer() {
        assertThrows(IllegalArgumentException.class, () -> QueryLanguage.parse("(a>1|b>2);c>3"));
        assertThrows(IllegalArgumentException.class, () -> QueryLanguage.parse("temperature==1..5"));
        assertThrows(IllegalArgumentException.class, () -> QueryLanguage.parse("temperature>warm"));
        assertThrows(IllegalArgumentException.class, () -> QueryLanguage.parse("status>\"a\""));
        assertThrows(IllegalArgumentException.class, () -> QueryLanguage.parse("status==\"open"));
        assertThrows(IllegalArgumentException.class, () -> QueryLanguage.parse("9lives>1"));
    }
}
