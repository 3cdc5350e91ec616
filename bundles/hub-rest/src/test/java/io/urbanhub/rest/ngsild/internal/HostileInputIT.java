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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.urbanhub.rest.security.internal.TestCallers;
import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter;

/**
 * Hostile requests against the real data layer on H2 and on PostgreSQL: id patterns that would make a backtracking
 * matcher run for ages are refused before they reach the database, deeply nested JSON is refused by the parser,
 * bodies over the limit are refused without being read to their end, and SQL in any filter is refused or matched as
 * a mere value, with every table and row left as it was.
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
            NgsiLdRequests requests = new NgsiLdRequests("", tenant -> true, TestCallers.OPERATOR);
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
        assertEquals(ownRooms(), ids(api.entities().entities(null, null, "urn:ngsi-ld:" + TYPE + ":" + MUSTERSTADT + ":.*", null, null,
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

    static Stream<String> injections() {
        return Stream.of("'; DROP TABLE hub_entity; --", "' OR '1'='1", "x') OR ('1'='1", "1; DELETE FROM hub_observation",
                "\"; TRUNCATE TABLE hub_entity_attribute; --", "' UNION SELECT entity_id, entity_type, observed_at, entity_json"
                        + " FROM hub_entity --");
    }

    Stream<Arguments> eachInjectionOnEachDatabase() {
        return apis.stream().flatMap(api -> injections().map(payload -> Arguments.of(api, payload)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachInjectionOnEachDatabase")
    void sqlInAnyFilterIsBadRequestDataOrMatchesNothingAndChangesNoTable(Api api, String sql) throws Exception {
        Map<String, Long> rows = rowCounts(api);
        Set<String> none = Set.of();
        String room1 = entityId(MUSTERSTADT, "cold-room-1");
        assertRefusedOr(none, find(api, sql, null, null, null, null));
        assertRefusedOr(none, find(api, null, room1 + sql, null, null, null));
        assertRefusedOr(Set.of(room1), find(api, null, room1 + "," + sql, null, null, null));
        assertRefusedOr(none, find(api, null, null, sql, null, null));
        assertRefusedOr(none, find(api, null, null, room1 + sql, null, null));
        assertRefusedOr(none, find(api, TYPE, null, null, sql, null));
        assertRefusedOr(none, find(api, TYPE, null, null, "temperature==" + TenantIsolationIT.MAPPER.writeValueAsString(sql), null));
        assertRefusedOr(none, find(api, TYPE, null, null, "status==" + TenantIsolationIT.MAPPER.writeValueAsString(sql), null));
        assertRefusedOr(none, find(api, TYPE, null, null, "temperature>" + sql, null));
        assertRefusedOr(none, find(api, TYPE, null, null, "temperature" + sql + "==1", null));
        assertRefusedOr(ownRooms(), find(api, TYPE, null, null, null, sql));
        assertRefusedOr(none, api.entities().entities(TYPE, null, null, null, null, "near;maxDistance==" + sql, "Point", "[7.62,51.96]",
                100, 0, true, null, MUSTERSTADT, JSON));
        assertRefusedOr(none, api.entities().entities(TYPE, null, null, null, null, "near;maxDistance==50", sql, "[7.62,51.96]",
                100, 0, true, null, MUSTERSTADT, JSON));
        assertRefusedOr(none, api.entities().entities(TYPE, null, null, null, null, "near;maxDistance==50", "Point",
                "[7.62," + sql + "]", 100, 0, true, null, MUSTERSTADT, JSON));
        assertRefusedOr(none, api.entities().entities(TYPE, null, null, null, null, sql, "Point", "[7.62,51.96]",
                100, 0, true, null, MUSTERSTADT, JSON));
        assertProblem(api.entities().entities(TYPE, null, null, null, null, null, null, null, -1, 0, true, null, MUSTERSTADT, JSON),
                400, "BadRequestData");
        assertProblem(api.entities().entities(TYPE, null, null, null, null, null, null, null, 20, -1, true, null, MUSTERSTADT, JSON),
                400, "BadRequestData");
        assertProblem(api.entities().entities(TYPE, null, null, null, null, null, null, null, 20, 0, true, null, MUSTERSTADT + sql,
                JSON), 400, "BadRequestData");
        assertProblem(api.entities().entity(room1 + sql, MUSTERSTADT, null, JSON), 404, "ResourceNotFound");
        assertProblem(api.entities().entity(sql, MUSTERSTADT, null, JSON), 404, "ResourceNotFound");

        assertProblem(api.temporal().history(room1, "before", sql, null, null, null, null, null, null, MUSTERSTADT, JSON), 400,
                "BadRequestData");
        assertProblem(api.temporal().history(room1, sql, "2026-01-01T00:00:00Z", null, null, null, null, null, null, MUSTERSTADT,
                JSON), 400, "BadRequestData");
        assertProblem(api.temporal().history(room1, null, null, null, null, "temperature", null, sql, "PT1H", MUSTERSTADT, JSON), 400,
                "BadRequestData");
        assertProblem(api.temporal().history(room1, null, null, null, null, "temperature", null, "avg", sql, MUSTERSTADT, JSON), 400,
                "BadRequestData");
        assertProblem(api.temporal().history(room1 + sql, null, null, null, null, null, null, null, null, MUSTERSTADT, JSON), 404,
                "ResourceNotFound");
        Response history = api.temporal().history(room1, null, null, null, null, sql, null, null, null, MUSTERSTADT, JSON);
        assertEquals(200, history.getStatus(), String.valueOf(history.getEntity()));
        assertEquals(room1, json(history).get("id").asText());
        assertEquals(Set.of("id", "type"), fieldNames(json(history)), "attrs naming no attribute selects none");
        assertRefusedOr(none, api.temporal().query(sql, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, 100, 0, true, MUSTERSTADT, JSON));
        assertRefusedOr(none, api.temporal().query(null, null, sql, null, null, null, null, null, null, null, null, null, null, null,
                null, 100, 0, true, MUSTERSTADT, JSON));
        assertRefusedOr(none, api.temporal().query(TYPE, null, null, "status==" + TenantIsolationIT.MAPPER.writeValueAsString(sql),
                null, null, null, null, null, null, null, null, null, null, null, 100, 0, true, MUSTERSTADT, JSON));
        assertRefusedOr(ownRooms(), api.temporal().query(TYPE, null, null, null, null, null, null, "after", sql, null, null, null,
                null, null, null, 100, 0, true, MUSTERSTADT, JSON));

        assertEquals(rows, rowCounts(api), "every table is still there, with every row");
        assertEquals(ownRooms(), ids(find(api, TYPE, null, null, null, null)), "and the data still answers");
    }

    private static Response find(Api api, String type, String ids, String idPattern, String q, String attrs) {
        return api.entities().entities(type, ids, idPattern, attrs, q, null, null, null, 100, 0, true, null, MUSTERSTADT, JSON);
    }

    /** 400 BadRequestData, or 200 with exactly the expected entities: none of the other tenant's. */
    private static void assertRefusedOr(Set<String> expected, Response response) throws Exception {
        if (response.getStatus() == 400) {
            assertProblem(response, 400, "BadRequestData");
        } else {
            assertEquals(expected, ids(response));
        }
    }

    private static Set<String> ownRooms() {
        return new TreeSet<>(List.of(entityId(MUSTERSTADT, "cold-room-1"), entityId(MUSTERSTADT, "cold-room-2"),
                entityId(MUSTERSTADT, LONG_ROOM)));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Long> rowCounts(Api api) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = api.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("hub_entity", "hub_entity_attribute", "hub_observation", "hub_input", "hub_dead_letter",
                    "hub_subscription", "hub_device", "hub_tenant")) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }
}
