package io.urbanhub.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeadLetterPurgeCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void takesDurationsAndCalendarPeriodsBackFromNow() {
        assertEquals(Instant.parse("2026-10-28T12:00:00Z"), DeadLetterPurgeCommand.cutOff("P30D", NOW));
        assertEquals(Instant.parse("2026-11-27T00:00:00Z"), DeadLetterPurgeCommand.cutOff("PT12H", NOW));
        assertEquals(Instant.parse("2026-05-27T12:00:00Z"), DeadLetterPurgeCommand.cutOff("P6M", NOW));
    }

    @Test
    void refusesWhatIsNoDurationOrNegative() {
        assertThrows(IllegalArgumentException.class, () -> DeadLetterPurgeCommand.cutOff("30 days", NOW));
        assertThrows(IllegalArgumentException.class, () -> DeadLetterPurgeCommand.cutOff("-P1D", NOW));
        assertThrows(IllegalArgumentException.class, () -> DeadLetterPurgeCommand.cutOff("P-1M", NOW));
    }
}
