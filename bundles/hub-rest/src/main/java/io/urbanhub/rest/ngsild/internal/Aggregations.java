package io.urbanhub.rest.ngsild.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.urbanhub.api.query.Aggregate;

/** The NGSI-LD aggregation methods the hub computes, and their parameters. */
final class Aggregations {

    static final Set<String> METHODS = Set.of("avg", "min", "max", "sum", "totalCount");

    private Aggregations() {
    }

    static List<String> methods(String aggrMethods) {
        List<String> methods = List.copyOf(NgsiLdRequests.list(aggrMethods)).stream().sorted().toList();
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("aggrMethods is required, any of " + METHODS);
        }
        for (String method : methods) {
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("aggrMethods " + method + " is not supported; use " + METHODS);
            }
        }
        return methods;
    }

    static Duration period(String aggrPeriodDuration) {
        if (aggrPeriodDuration == null) {
            throw new IllegalArgumentException("aggrPeriodDuration is required, e.g. PT1H");
        }
        try {
            Duration period = Duration.parse(aggrPeriodDuration);
            if (period.getSeconds() < 1) {
                throw new IllegalArgumentException("aggrPeriodDuration must be at least one second");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("aggrPeriodDuration '" + aggrPeriodDuration
                    + "' is not an ISO 8601 duration in days, hours, minutes or seconds");
        }
    }

    static void addValue(ArrayNode entry, String method, Aggregate aggregate) {
        switch (method) {
            case "avg" -> entry.add(aggregate.avg());
            case "min" -> entry.add(aggregate.min());
            case "max" -> entry.add(aggregate.max());
            case "sum" -> entry.add(aggregate.sum());
            default -> entry.add(aggregate.totalCount());
        }
    }
}
