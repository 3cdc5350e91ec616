package io.urbanhub.api.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdPatternsTest {

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(a|aa)*", "(.*)*", "(a*)*b", "((ab)*c)+", "(?:a|b){2,}", "(x+x+)+y",
            "urn:ngsi-ld:(?:[a-z]+:)*room", "(?:.*:){4}x", "(a?){25}"})
    void aRepeatedGroupWithAQuantifierOrAnAlternationIsRefused(String pattern) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> IdPatterns.compile(pattern));
        assertTrue(refused.getMessage().startsWith("idPattern"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "(?<x>a)\\k<x>", ".*.*.*x", "a*b+c?", "\\d{1,3}\\d{1,3}\\d{1,3}"})
    void backreferencesAndMoreThanTwoQuantifiersAreRefused(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> IdPatterns.compile(pattern));
    }

    @Test
    void aPatternLongerThan256CharactersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdPatterns.compile("a".repeat(IdPatterns.MAX_LENGTH + 1)));
        IdPatterns.compile("a".repeat(IdPatterns.MAX_LENGTH));
    }

    @Test
    void theEvilPatternIsRefusedBeforeItMeetsAnIdThatWouldNeverMatch() {
        String neverMatching = "a".repeat(5000) + "!";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> IdPatterns.compile("(a+)+").matcher(neverMatching).matches());
        assertTrue(refused.getMessage().contains("exponential"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new EntityFilter(Set.of(), Set.of(), "(a|aa)*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ngsi-ld:WaterConsumptionObserved:.*", ".*:cold-room-1", "urn:ngsi-ld:.*:musterstadt:.*",
            "urn:ngsi-ld:(ParkingSite|TrafficFlowObserved):.*", "urn:ngsi-ld:Meter:[0-9]{8}", "(?i)urn:ngsi-ld:room-\\d+",
            "urn:ngsi-ld:[^:(+*]+:(x)?", "urn:ngsi-ld:\\Q(a+)+\\E.*", "(?:urn:ngsi-ld:)?room-[a-z]{2,8}"})
    void anOrdinaryPatternMatchesAsBefore(String pattern) {
        IdPatterns.compile(pattern);
    }

    @Test
    void aCompiledPatternMatchesTheWholeId() {
        assertTrue(IdPatterns.compile("urn:ngsi-ld:WaterConsumptionObserved:.*")
                .matcher("urn:ngsi-ld:WaterConsumptionObserved:musterstadt:meter-7").matches());
        assertFalse(IdPatterns.compile("urn:ngsi-ld:WaterConsumptionObserved:.*")
                .matcher("urn:ngsi-ld:ParkingSite:musterstadt:p1").matches());
    }

    @Test
    void anInvalidRegularExpressionIsRefusedWithItsReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> IdPatterns.compile("urn:("));
        assertTrue(refused.getMessage().startsWith("idPattern is not a regular expression"), refused.getMessage());
    }
}
