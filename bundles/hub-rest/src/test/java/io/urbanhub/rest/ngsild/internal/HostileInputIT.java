package io.urbanhub.rest.ngsild.internal;

import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.assertProblem;
import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.ids;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.MUSTERSTADT;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.TYPE;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.entityId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.ws.rs.core.Response;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter;

/**
 * Hostile query parameters against the real data layer on H2 and on PostgreSQL: id patterns that would make a
 * backtracking matcher run for ages are refused before they reach the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final String JSON = "application/json";
    /** An id as long as NGSI-LD ids get here, which the evil patterns below would take ages to give up on. */
    private static final String LONG_ROOM = "a".repeat(250);

    record Api(String database, DataSource dataSource, TwoTenantsOnOneAdapter data, SubscriptionService subscriptionService,
               EntitiesResource entities, TemporalEntitiesResource temporal, SubscriptionsResource subscriptions) {

        @Override
        public String toString() {
            return database;
        }
    }

    private BothDatabases databases;
    private final List<Api> apis = new ArrayList<>();

    @BeforeAll
    void writeBothTenantsOnEachDatabase() throws Exception {
        databases = new BothDatabases();
        for (DataSource database : databases.fresh().toList()) {
            TwoTenantsOnOneAdapter data = TwoTenantsOnOneAdapter.written(database);
            data.write(MUSTERSTADT, LONG_ROOM, 0);
            SubscriptionService subscriptionService = new SubscriptionService(data.dataLayer(), data.dataLayer(),
                    Clock.systemUTC(), Duration.ofMillis(50));
            NgsiLdRequests requests = new NgsiLdRequests("");
            apis.add(new Api(database instanceof JdbcDataSource ? "H2" : "PostgreSQL", database, data, subscriptionService,
                    new EntitiesResource(data.dataLayer(), requests),
                    new TemporalEntitiesResource(data.dataLayer(), data.dataLayer(), requests),
                    new SubscriptionsResource(subscriptionService, requests)));
        }
    }

    @AfterAll
    void stop() {
        for (Api api : apis) {
            api.subscriptionService().deactivate();
            api.data().close();
        }
        databases.close();
    }

    Stream<Api> eachDatabase() {
        return apis.stream();
    }

    static Stream<String> evilIdPatterns() {
        return Stream.of("(a+)+", "(a|aa)*", "(.*)*", "(a*)*b", "(.*a){20}", ".*.*.*.*.*!", "(a)\\1", "a".repeat(257));
    }

    Stream<Arguments> eachEvilIdPatternOnEachDatabase() {
        return apis.stream().flatMap(api -> evilIdPatterns().map(pattern -> Arguments.of(api, pattern)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachEvilIdPatternOnEachDatabase")
    void anIdPatternThatCouldBacktrackForAgesIsBadRequestData(Api api, String pattern) throws Exception {
        assertProblem(api.entities().entities(null, null, pattern, null, null, null, null, null, 100, 0, true, null, MUSTERSTADT,
                JSON), 400, "BadRequestData");
        assertProblem(api.entities().entities(TYPE, null, pattern, null, null, null, null, null, 100, 0, true, null, MUSTERSTADT,
                JSON), 400, "BadRequestData");
        assertProblem(api.temporal().query(TYPE, null, pattern, null, null, null, null, null, null, null, null, null, null, null,
                null, 100, 0, true, MUSTERSTADT, JSON), 400, "BadRequestData");
        assertProblem(api.subscriptions().create(SubscriptionTest.subscription("\"entities\":[{\"type\":\"" + TYPE
                + "\",\"idPattern\":" + TenantIsolationIT.MAPPER.writeValueAsString(pattern) + "}],", "",
                "http://127.0.0.1:9/unused"), MUSTERSTADT), 400, "BadRequestData");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachDatabase")
    void anOrdinaryIdPatternStillFindsTheLongIdAndTheOthers(Api api) throws Exception {
        Set<String> rooms = new TreeSet<>(List.of(entityId(MUSTERSTADT, "cold-room-1"), entityId(MUSTERSTADT, "cold-room-2"),
                entityId(MUSTERSTADT, LONG_ROOM)));
        assertEquals(rooms, ids(api.entities().entities(null, null, "urn:ngsi-ld:" + TYPE + ":" + MUSTERSTADT + ":.*", null, null,
                null, null, null, 100, 0, true, null, MUSTERSTADT, JSON)));
        assertEquals(Set.of(entityId(MUSTERSTADT, LONG_ROOM)), ids(api.entities().entities(null, null, ".*:a+", null, null,
                null, null, null, 100, 0, true, null, MUSTERSTADT, JSON)));
        assertEquals(Set.of(), ids(api.entities().entities(null, null, ".*:a+!", null, null,
                null, null, null, 100, 0, true, null, MUSTERSTADT, JSON)));
        Response subscribed = api.subscriptions().create(SubscriptionTest.subscription("\"entities\":[{\"type\":\"" + TYPE
                + "\",\"idPattern\":\"urn:ngsi-ld:" + TYPE + ":.*\"}],", "", "http://127.0.0.1:9/unused"), MUSTERSTADT);
        assertEquals(201, subscribed.getStatus(), String.valueOf(subscribed.getEntity()));
    }
}
