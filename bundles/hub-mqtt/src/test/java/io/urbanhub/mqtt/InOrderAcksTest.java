package io.urbanhub.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InOrderAcksTest {

    private final List<Integer> sent = new ArrayList<>();
    private final InOrderAcks acks = new InOrderAcks((messageId, qos) -> sent.add(messageId));

    @Test
    void aMessageHandledEarlyWaitsForTheOnesBeforeIt() {
        InOrderAcks.Pending first = acks.arrived(1, 1);
        InOrderAcks.Pending second = acks.arrived(2, 1);
        InOrderAcks.Pending third = acks.arrived(3, 1);

        acks.handled(third);
        acks.handled(second);
        assertEquals(List.of(), sent);
        acks.handled(first);
        assertEquals(List.of(1, 2, 3), sent);
        assertEquals(0, acks.open());
    }

    @Test
    void whatTheLostConnectionLeftOpenIsNeverAcknowledged() {
        InOrderAcks.Pending old = acks.arrived(7, 1);
        acks.reset();
        InOrderAcks.Pending fresh = acks.arrived(7, 1);

        acks.handled(old);
        assertEquals(List.of(), sent);
        acks.handled(fresh);
        assertEquals(List.of(7), sent);
    }
}
