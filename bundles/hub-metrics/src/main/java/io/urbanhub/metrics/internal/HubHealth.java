package io.urbanhub.metrics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.SpoolStats;

/**
 * Readiness of the hub: the store answers, nothing waits in its spool, and every adapter instance runs. While inputs
 * wait in the spool the store is down with how many; the hub still takes inputs then, so it stays alive. An instance
 * that is stopped counts as out of service and does not make the hub unready; one that starts, waits or failed does.
 */
final class HubHealth {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
    static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

    /** The answer: whether ready, and the JSON body. */
    record Report(boolean up, Map<String, Object> body) {
    }

    private final Supplier<List<AdapterInstanceStatus>> instances;
    private final StoreCheck store;
    private final Supplier<SpoolStats> spool;

    /** @param instances the adapter instances, or {@code null} while the route runtime is not there */
    HubHealth(Supplier<List<AdapterInstanceStatus>> instances, StoreCheck store) {
        this(instances, store, () -> SpoolStats.NONE);
    }

    /** @param spool the data layer's spool; its answer is {@code null} while the data layer is not there */
    HubHealth(Supplier<List<AdapterInstanceStatus>> instances, StoreCheck store, Supplier<SpoolStats> spool) {
        this.instances = instances;
        this.store = store;
        this.spool = spool;
    }

    static Report live() {
        return new Report(true, Map.of("status", UP));
    }

    Report ready() {
        Map<String, Object> storeCheck = store(store.problem(), spool.get());
        Map<String, Object> adapters = adapters();
        boolean up = UP.equals(storeCheck.get("status")) && UP.equals(adapters.get("status"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? UP : DOWN);
        body.put("store", storeCheck);
        body.put("adapters", adapters);
        return new Report(up, body);
    }

    private Map<String, Object> adapters() {
        List<AdapterInstanceStatus> running = instances.get();
        if (running == null) {
            Map<String, Object> absent = check("the adapter runtime is not running");
            absent.put("instances", List.of());
            return absent;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        boolean up = true;
        for (AdapterInstanceStatus instance : running) {
            String status = status(instance.state());
            up &= !DOWN.equals(status);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", instance.name());
            entry.put("adapter", instance.adapter());
            entry.put("instance", instance.instance());
            entry.put("state", instance.state());
            entry.put("status", status);
            if (instance.reason() != null && !instance.reason().isEmpty()) {
                entry.put("reason", instance.reason());
            }
            list.add(entry);
        }
        Map<String, Object> adapters = new LinkedHashMap<>();
        adapters.put("status", up ? UP : DOWN);
        adapters.put("instances", list);
        return adapters;
    }

    static String status(String state) {
        return switch (state) {
            case "RUNNING" -> UP;
            case "STOPPED" -> OUT_OF_SERVICE;
            default -> DOWN;
        };
    }

    private static Map<String, Object> store(String problem, SpoolStats spooled) {
        if (spooled == null || !spooled.spooling()) {
            return check(problem);
        }
        String state = problem != null ? problem
                : spooled.databaseReachable() ? "the database is back, they are being written to it" : "the database is away";
        Map<String, Object> check = check("spooling " + spooled.spooledInputs() + " inputs: " + state);
        check.put("spooledInputs", spooled.spooledInputs());
        check.put("spooledBytes", spooled.spooledBytes());
        check.put("databaseReachable", spooled.databaseReachable());
        return check;
    }

    private static Map<String, Object> check(String problem) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("status", problem == null ? UP : DOWN);
        if (problem != null) {
            check.put("reason", problem);
        }
        return check;
    }
}
