package io.urbanhub.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * Acknowledges handled messages in the order they arrived, as MQTT asks of QoS 1: a message handled early waits for
 * the ones before it. A new connection starts a new generation; what the old one left open the broker sends again.
 */
final class InOrderAcks {

    static final class Pending {
        private final long generation;
        private final int messageId;
        private final int qos;
        private boolean handled;

        private Pending(long generation, int messageId, int qos) {
            this.generation = generation;
            this.messageId = messageId;
            this.qos = qos;
        }
    }

    private final Deque<Pending> arrived = new ArrayDeque<>();
    private final BiConsumer<Integer, Integer> acknowledge;
    private long generation;

    /** @param acknowledge sends the acknowledgement of a message id and QoS; called in arrival order */
    InOrderAcks(BiConsumer<Integer, Integer> acknowledge) {
        this.acknowledge = acknowledge;
    }

    synchronized Pending arrived(int messageId, int qos) {
        Pending pending = new Pending(generation, messageId, qos);
        arrived.addLast(pending);
        return pending;
    }

    /** Marks a message handled and acknowledges every handled one at the head; ignored if its connection is gone. */
    synchronized void handled(Pending pending) {
        if (pending.generation != generation) {
            return;
        }
        pending.handled = true;
        while (!arrived.isEmpty() && arrived.peekFirst().handled) {
            Pending head = arrived.pollFirst();
            acknowledge.accept(head.messageId, head.qos);
        }
    }

    /** The connection is gone: nothing of it is acknowledged any more. */
    synchronized void reset() {
        generation++;
        arrived.clear();
    }

    synchronized int open() {
        return arrived.size();
    }
}
