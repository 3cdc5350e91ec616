package io.urbanhub.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.DataLayerQueries;

@Service
@Command(scope = "hub", name = "deadletter-purge", description = "Removes the dead letters received longer ago than the "
        + "given ISO-8601 duration, e.g. --older-than P30D.")
public class DeadLetterPurgeCommand implements Action {

    @Reference
    DataLayerQueries queries;

    @Option(name = "--older-than", required = true, description = "An ISO-8601 duration: P30D, PT12H, P6M")
    String olderThan;

    @Option(name = "--tenant", description = "Only this tenant's")
    @Completion(TenantCompleter.class)
    String tenant;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        Instant before = cutOff(olderThan, now);
        int purged = queries.purgeDeadLetters(before, tenant);
        System.out.println("Purged " + purged + " dead letter" + (purged == 1 ? "" : "s")
                + (tenant == null ? "" : " of " + tenant) + " received before " + before);
        return null;
    }

    /** A duration (P30D, PT12H) or, for months and years, a calendar period (P6M) counted back from now in UTC. */
    static Instant cutOff(String isoDuration, Instant now) {
        try {
            return now.minus(nonNegative(Duration.parse(isoDuration)));
        } catch (DateTimeParseException notADuration) {
            try {
                Period period = Period.parse(isoDuration);
                if (period.isNegative()) {
                    throw new IllegalArgumentException("--older-than must not be negative: " + isoDuration);
                }
                return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--older-than takes an ISO-8601 duration such as P30D or PT12H, not "
                        + isoDuration);
            }
        }
    }

    private static Duration nonNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("--older-than must not be negative: " + duration);
        }
        return duration;
    }
}
