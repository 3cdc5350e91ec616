package io.urbanhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.query.AttributeCondition;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.GeoNear;
import io.urbanhub.api.query.TimeRange;
import io.urbanhub.core.internal.store.JdbcReads;

/** The reads the NGSI-LD API makes, timed one by one on the synthetic city after a warm-up. */
final class QueryRun {

    /** A call whose answer must not be empty, or the measurement would time nothing. */
    interface Call {
        boolean answered(Random random) throws Exception;
    }

    private final JdbcReads reads;
    private final long entities;
    private final Instant now;

    QueryRun(JdbcReads reads, long entities, Instant now) {
        this.reads = reads;
        this.entities = entities;
        this.now = now;
    }

    Latencies entityById(int calls) throws Exception {
        return time(calls, random -> reads.entity(SyntheticCity.TENANT, SyntheticCity.entityId(randomEntity(random))).isPresent());
    }

    /** {@code type=IndoorEnvironmentObserved&q=temperature>0&georel=near;maxDistance==2000} around a random point. */
    Latencies typeQueryNear(int calls) throws Exception {
        List<List<AttributeCondition>> warm = List.of(List.of(
                new AttributeCondition("temperature", AttributeCondition.Operator.GREATER, 0.0)));
        return time(calls, random -> {
            GeoNear near = new GeoNear(new GeoPoint(SyntheticCity.WEST + random.nextDouble() * SyntheticCity.SPAN_LON,
                    SyntheticCity.SOUTH + random.nextDouble() * SyntheticCity.SPAN_LAT), 2000.0, null);
            EntityFilter filter = new EntityFilter(Set.of(SyntheticCity.TYPES[0]), Set.of(), null, near, warm);
            return !reads.entities(SyntheticCity.TENANT, filter, 0, 20, false).items().isEmpty();
        });
    }

    /** The last day of one entity's time series. */
    Latencies oneDayOfOneEntity(int calls) throws Exception {
        TimeRange lastDay = new TimeRange(now.minus(Duration.ofDays(1)), now.plusSeconds(1));
        return time(calls, random -> reads.history(SyntheticCity.TENANT, SyntheticCity.entityId(randomEntity(random)),
                Set.of(), lastDay, 1000).map(history -> !history.values().isEmpty()).orElse(false));
    }

    private long randomEntity(Random random) {
        return (long) (random.nextDouble() * entities);
    }

    private static Latencies time(int calls, Call call) throws Exception {
        Random random = new Random(7);
        int warmUp = Math.max(50, calls / 10);
        int empty = 0;
        for (int i = 0; i < warmUp; i++) {
            call.answered(random);
        }
        Latencies latencies = new Latencies(calls);
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            boolean answered = call.answered(random);
            latencies.add(System.nanoTime() - started);
            empty += answered ? 0 : 1;
        }
        if (empty > calls / 10) {
            throw new IllegalStateException(empty + " of " + calls + " calls found nothing: the data set is not what the query expects");
        }
        return latencies;
    }
}
