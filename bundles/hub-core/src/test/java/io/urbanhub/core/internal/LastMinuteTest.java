package io.urbanhub.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LastMinuteTest {

    @Test
    void sumsTheEventsOfTheLastSixtySecondsOnly() {
        LastMinute window = new LastMinute();
        long start = 1_800_000_000_000L;
        window.add(5, start);
        window.add(3, start + 30_000);
        assertEquals(8, window.sum(start + 59_000));
        assertEquals(3, window.sum(start + 60_000));
        // a slot reused a minute later starts from zero
        window.add(1, start + 90_500);
        assertEquals(1, window.sum(start + 91_000));
        assertEquals(0, window.sum(start + 200_000));
    }
}
