package io.urbanhub.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.spi.Downlink;

class AdapterSwapCommandTest {

    private final Instances instances = new Instances();

    @Test
    void startsTheNewInstanceBeforeItStopsTheOldOne() throws Exception {
        instances.put("lorawan-chirpstack.musterstadt", "RUNNING", "musterstadt");
        instances.put("lorawan-tts.musterstadt", "STOPPED", "musterstadt");

        swap("musterstadt", "lorawan-chirpstack.musterstadt", "lorawan-tts.musterstadt").execute();

        assertEquals(List.of("start lorawan-tts.musterstadt", "stop lorawan-chirpstack.musterstadt"), instances.calls);
    }

    @Test
    void refusesInstancesOfAnotherTenantAndTouchesNothing() {
        instances.put("lorawan-chirpstack.musterstadt", "RUNNING", "musterstadt");
        instances.put("lorawan-tts.beispielheim", "STOPPED", "beispielheim");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> swap("musterstadt", "lorawan-chirpstack.musterstadt", "lorawan-tts.beispielheim").execute());

        assertEquals("Not swapped: lorawan-tts.beispielheim serves tenant beispielheim, not musterstadt", refused.getMessage());
        assertEquals(List.of(), instances.calls);
    }

    @Test
    void leavesTheOldInstanceRunningAndStopsTheNewOneAgainWhenItDoesNotRunInTime() {
        instances.put("lorawan-chirpstack.musterstadt", "RUNNING", "musterstadt");
        instances.put("lorawan-tts.musterstadt", "STOPPED", "musterstadt");
        instances.startsAs = "WAITING";
        AdapterSwapCommand swap = swap("musterstadt", "lorawan-chirpstack.musterstadt", "lorawan-tts.musterstadt");
        swap.timeoutSeconds = 0;

        IllegalStateException refused = assertThrows(IllegalStateException.class, swap::execute);

        assertTrue(refused.getMessage().startsWith("Not swapped: lorawan-tts.musterstadt did not run within 0 s (WAITING"),
                refused.getMessage());
        assertEquals(List.of("start lorawan-tts.musterstadt", "stop lorawan-tts.musterstadt"), instances.calls);
        assertEquals("RUNNING", instances.byName.get("lorawan-chirpstack.musterstadt").state());
    }

    private AdapterSwapCommand swap(String tenant, String from, String to) {
        AdapterSwapCommand command = new AdapterSwapCommand();
        command.instances = instances;
        command.tenant = tenant;
        command.from = from;
        command.to = to;
        return command;
    }

    /** Instances that change state at once when told, and remember what they were told. */
    private static final class Instances implements AdapterInstances {

        final Map<String, AdapterInstanceStatus> byName = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        String startsAs = "RUNNING";

        void put(String name, String state, String tenant) {
            String[] parts = name.split("\\.", 2);
            byName.put(name, new AdapterInstanceStatus(name, parts[0], parts[1], state, "", tenant));
        }

        private AdapterInstanceStatus enter(String name, String state, String reason) {
            AdapterInstanceStatus old = byName.get(name);
            AdapterInstanceStatus next = new AdapterInstanceStatus(name, old.adapter(), old.instance(), state, reason, old.tenant());
            byName.put(name, next);
            return next;
        }

        @Override
        public List<AdapterInstanceStatus> instances() {
            return List.copyOf(byName.values());
        }

        @Override
        public AdapterInstanceStatus stop(String instance) {
            calls.add("stop " + instance);
            return enter(instance, "STOPPED", STOPPED_BY_ADMIN);
        }

        @Override
        public AdapterInstanceStatus start(String instance) {
            calls.add("start " + instance);
            return enter(instance, startsAs, "");
        }

        @Override
        public AdapterInstanceStatus restart(String instance) {
            stop(instance);
            return start(instance);
        }

        @Override
        public void replay(String instance, byte[] input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void downlink(String instance, Downlink downlink) {
            throw new UnsupportedOperationException();
        }
    }
}
