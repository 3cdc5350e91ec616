package io.urbanhub.rest.ngsild.internal;

import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.assertProblem;
import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.created;
import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.ids;
import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.json;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.MUSTERSTADT;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.TYPE;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.entityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter;

/**
 * Hostile requests against the real data layer on H2 and on PostgreSQL: id patterns that would make a backtracking
 * matcher run for ages are refused before they reach the database, deeply nested JSON is refused by the parser, and
 * bodies over the limit are refused without being read to their end.
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
        assertProblem(api.subscriptions().create(SubscriptionTest.body(SubscriptionTest.subscription("\"entities\":[{\"type\":\"" + TYPE
                + "\",\"idPattern\":" + TenantIsolationIT.MAPPER.writeValueAsString(pattern) + "}],", "",
                "http://127.0.0.1:9/unused")), MUSTERSTADT), 400, "BadRequestData");
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
        created(api.subscriptions().create(SubscriptionTest.body(SubscriptionTest.subscription("\"entities\":[{\"type\":\""
                + TYPE + "\",\"idPattern\":\"urn:ngsi-ld:" + TYPE + ":.*\"}],", "", "http://127.0.0.1:9/unused")), MUSTERSTADT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachDatabase")
    void jsonNestedDeeperThan64IsBadRequestDataAndNoServerError(Api api) throws Exception {
        String deep = "[".repeat(100) + "]".repeat(100);
        long before = api.subscriptionService().count(MUSTERSTADT);
        Response nested = api.subscriptions().create(SubscriptionTest.body(subscription("\"nested\":" + deep + ",")), MUSTERSTADT);
        assertProblem(nested, 400, "BadRequestData");
        assertTrue(json(nested).get("detail").asText().contains("depth"), json(nested).toString());
        assertEquals(before, api.subscriptionService().count(MUSTERSTADT));

        String id = created(api.subscriptions().create(SubscriptionTest.body(subscription("\"nested\":" + "[".repeat(60)
                + "]".repeat(60) + ",")), MUSTERSTADT));
        assertProblem(api.subscriptions().patch(id, SubscriptionTest.body("{\"nested\":" + deep + "}"), MUSTERSTADT), 400,
                "BadRequestData");
        assertProblem(api.entities().entities(null, null, null, null, null, "within", "Polygon", deep, 100, 0, true, null,
                MUSTERSTADT, JSON), 400, "BadRequestData");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachDatabase")
    void aBodyOverOneMebibyteIs413AndIsNotReadToItsEnd(Api api) throws Exception {
        long before = api.subscriptionService().count(MUSTERSTADT);
        assertTooLarge(() -> api.subscriptions().create(endless(), MUSTERSTADT));
        String empty = subscription("\"description\":\"\",");
        String atTheLimit = subscription("\"description\":\"" + "x".repeat(RequestBodies.MAX_BYTES - empty.length()) + "\",");
        assertEquals(RequestBodies.MAX_BYTES, atTheLimit.length());
        assertTooLarge(() -> api.subscriptions().create(SubscriptionTest.body(atTheLimit + " "), MUSTERSTADT));
        assertEquals(before, api.subscriptionService().count(MUSTERSTADT));

        String id = created(api.subscriptions().create(SubscriptionTest.body(atTheLimit), MUSTERSTADT));
        assertTooLarge(() -> api.subscriptions().patch(id, endless(), MUSTERSTADT));
        assertEquals(204, api.subscriptions().patch(id, SubscriptionTest.body("{\"throttling\":5}"), MUSTERSTADT).getStatus());
    }

    private static String subscription(String extra) {
        return SubscriptionTest.subscription("\"entities\":[{\"type\":\"" + TYPE + "\"}],", extra, "http://127.0.0.1:9/unused");
    }

    /** A client that never stops sending. */
    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
    }

    private static void assertTooLarge(Executable request) throws Exception {
        WebApplicationException refused = assertThrows(WebApplicationException.class, request);
        assertProblem(refused.getResponse(), 413, "BadRequestData");
    }
}
