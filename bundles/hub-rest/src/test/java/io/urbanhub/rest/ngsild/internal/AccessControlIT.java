package io.urbanhub.rest.ngsild.internal;

import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.created;
import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.ids;
import static io.urbanhub.rest.ngsild.internal.TenantIsolationIT.json;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.MUSTERSTADT;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.NACHBARSTADT;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.TYPE;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.entityId;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.ownType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.urbanhub.api.admin.AccessLevel;
import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.rest.security.internal.Caller;
import io.urbanhub.rest.security.internal.Grant;
import io.urbanhub.rest.security.internal.TestCallers;
import io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter;

/**
 * What each caller may reach, through every NGSI-LD operation and every query path (ids, idPattern, q, geo,
 * temporal), on the real data layer on H2 and on PostgreSQL: nothing without credentials (401), nothing of another
 * tenant (403), of its own tenant only what its level and types allow, and the public types without credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT {

    private static final String JSON = "application/json";
    private static final String ROOM = "cold-room-1";

    record Api(String database, TwoTenantsOnOneAdapter data, SubscriptionService subscriptionService,
               EntitiesResource entities, TemporalEntitiesResource temporal, TypesResource types,
               SubscriptionsResource subscriptions) {

        @Override
        public String toString() {
            return database;
        }
    }

    private final AtomicReference<Caller> caller = new AtomicReference<>();
    private BothDatabases databases;
    private final List<Api> apis = new ArrayList<>();

    @BeforeAll
    void writeBothTenantsOnEachDatabase() throws Exception {
        databases = new BothDatabases();
        for (DataSource database : databases.fresh().toList()) {
            TwoTenantsOnOneAdapter data = TwoTenantsOnOneAdapter.written(database);
            SubscriptionService subscriptionService = new SubscriptionService(data.dataLayer(), data.dataLayer(),
                    Clock.systemUTC(), Duration.ofMillis(50));
            NgsiLdRequests requests = new NgsiLdRequests("", tenant -> data.registry().find(tenant).isPresent(), caller::get);
            apis.add(new Api(database instanceof JdbcDataSource ? "H2" : "PostgreSQL", data, subscriptionService,
                    new EntitiesResource(data.dataLayer(), requests),
                    new TemporalEntitiesResource(data.dataLayer(), data.dataLayer(), requests),
                    new TypesResource(data.dataLayer(), requests), new SubscriptionsResource(subscriptionService, requests)));
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

    /** Every operation of the API, asked of one tenant; each answers or throws as the resource does. */
    private static Map<String, BiFunction<Api, String, Response>> operations() {
        Map<String, BiFunction<Api, String, Response>> operations = new LinkedHashMap<>();
        operations.put("GET /entities/{id}", (api, tenant) -> api.entities().entity(entityId(tenant, ROOM), tenant, null, JSON));
        operations.put("GET /entities?type", (api, tenant) -> query(api, tenant, TYPE, null, null, null, null));
        operations.put("GET /entities?id", (api, tenant) -> query(api, tenant, null, entityId(tenant, ROOM), null, null, null));
        operations.put("GET /entities?idPattern", (api, tenant) -> query(api, tenant, null, null, ".*", null, null));
        operations.put("GET /entities?q", (api, tenant) -> query(api, tenant, null, null, null, "temperature>0", null));
        operations.put("GET /entities?georel", (api, tenant) -> query(api, tenant, null, null, null, null, "near;maxDistance==1000"));
        operations.put("GET /temporal/entities/{id}", (api, tenant) -> api.temporal().history(entityId(tenant, ROOM),
                null, null, null, null, null, null, null, null, tenant, JSON));
        operations.put("GET /temporal/entities?idPattern&timerel", (api, tenant) -> api.temporal().query(null, null, ".*",
                null, null, null, null, "after", "2000-01-01T00:00:00Z", null, null, null, null, null, null, 20, 0, false,
                tenant, JSON));
        operations.put("GET /types", (api, tenant) -> api.types().types(tenant, JSON));
        operations.put("GET /attributes", (api, tenant) -> api.types().attributes(tenant, JSON));
        operations.put("POST /subscriptions", (api, tenant) -> api.subscriptions().create(body(subscription(TYPE)), tenant));
        operations.put("GET /subscriptions", (api, tenant) -> api.subscriptions().list(20, 0, false, tenant, JSON));
        operations.put("GET /subscriptions/{id}", (api, tenant) -> api.subscriptions().get("urn:ngsi-ld:Subscription:none", tenant, JSON));
        operations.put("PATCH /subscriptions/{id}", (api, tenant) -> api.subscriptions().patch("urn:ngsi-ld:Subscription:none",
                body("{\"throttling\":5}"), tenant));
        operations.put("DELETE /subscriptions/{id}", (api, tenant) -> api.subscriptions().delete("urn:ngsi-ld:Subscription:none", tenant));
        return operations;
    }

    Stream<Arguments> everyOperationOfEachTenantOnEachDatabase() {
        return apis.stream().flatMap(api -> Stream.of(MUSTERSTADT, NACHBARSTADT).flatMap(tenant ->
                operations().keySet().stream().map(operation -> Arguments.of(api, tenant, operation))));
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @MethodSource("everyOperationOfEachTenantOnEachDatabase")
    void withoutCredentialsEveryOperationIs401(Api api, String tenant, String operation) throws Exception {
        caller.set(Caller.anonymous(List.of()));
        Response response = call(api, tenant, operation);
        assertEquals(401, response.getStatus(), String.valueOf(response.getEntity()));
        assertNotNull(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        assertTrue(json(response).get("detail").asText().contains(tenant));
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @MethodSource("everyOperationOfEachTenantOnEachDatabase")
    void anotherTenantsAdminKeyGets403ForEveryOperation(Api api, String tenant, String operation) throws Exception {
        caller.set(TestCallers.key(other(tenant), AccessLevel.ADMIN));
        Response response = call(api, tenant, operation);
        assertEquals(403, response.getStatus(), String.valueOf(response.getEntity()));
        assertFalse(String.valueOf(response.getEntity()).contains("temperature"));
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @MethodSource("everyOperationOfEachTenantOnEachDatabase")
    void theOwnTenantsWriteKeyIsServedEveryOperation(Api api, String tenant, String operation) throws Exception {
        caller.set(TestCallers.key(tenant, AccessLevel.WRITE));
        int status = call(api, tenant, operation).getStatus();
        assertTrue(status == 200 || status == 201 || status == 404, operation + " answered " + status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReadKeyQueriesButManagesNoSubscriptions(Api api) throws Exception {
        caller.set(TestCallers.key(MUSTERSTADT, AccessLevel.READ));
        for (Map.Entry<String, BiFunction<Api, String, Response>> operation : operations().entrySet()) {
            int status = call(api, MUSTERSTADT, operation.getKey()).getStatus();
            if (operation.getKey().contains("/subscriptions")) {
                assertEquals(403, status, operation.getKey());
            } else {
                assertTrue(status == 200, operation.getKey() + " answered " + status);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aKeyForOneTypeReachesThatTypeOnlyOnEveryPath(Api api) throws Exception {
        String parking = ownType(MUSTERSTADT);
        String parkingId = "urn:ngsi-ld:" + parking + ":" + MUSTERSTADT + ":bahnhof-1";
        caller.set(TestCallers.key(MUSTERSTADT, AccessLevel.READ, parking));

        assertEquals(Set.of(parkingId), ids(query(api, MUSTERSTADT, null, null, ".*", null, null)));
        assertEquals(Set.of(parkingId), ids(query(api, MUSTERSTADT, parking, null, null, null, null)));
        assertEquals(Set.of(), ids(query(api, MUSTERSTADT, null, entityId(MUSTERSTADT, ROOM), null, null, null)));
        assertEquals(Set.of(), ids(query(api, MUSTERSTADT, null, null, null, "temperature>0", null)));
        assertEquals(Set.of(parkingId), ids(query(api, MUSTERSTADT, null, null, null, null, "near;maxDistance==1000")));
        assertEquals(200, api.entities().entity(parkingId, MUSTERSTADT, null, JSON).getStatus());
        assertEquals(200, api.temporal().history(parkingId, null, null, null, null, null, null, null, null, MUSTERSTADT, JSON)
                .getStatus());
        assertEquals(Set.of(parkingId), ids(api.temporal().query(null, null, ".*", null, null, null, null, null, null, null,
                null, null, null, null, null, 20, 0, false, MUSTERSTADT, JSON)));
        assertEquals("[\"" + parking + "\"]", json(api.types().types(MUSTERSTADT, JSON)).get("typeList").toString());

        for (String operation : List.of("GET /entities/{id}", "GET /entities?type", "GET /temporal/entities/{id}",
                "GET /attributes")) {
            assertEquals(403, call(api, MUSTERSTADT, operation).getStatus(), operation);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aKeyForOneTypeManagesSubscriptionsToThatTypeOnly(Api api) throws Exception {
        String parking = ownType(MUSTERSTADT);
        caller.set(TestCallers.OPERATOR.get());
        String operators = created(api.subscriptions().create(body(subscription(TYPE)), MUSTERSTADT));

        caller.set(TestCallers.key(MUSTERSTADT, AccessLevel.WRITE, parking));
        String own = created(api.subscriptions().create(body(subscription(parking)), MUSTERSTADT));
        assertEquals(403, call(() -> api.subscriptions().create(body(subscription(TYPE)), MUSTERSTADT)).getStatus());
        assertEquals(403, call(() -> api.subscriptions().create(body("{\"type\":\"Subscription\","
                + "\"watchedAttributes\":[\"status\"],\"notification\":{\"endpoint\":{\"uri\":\"http://127.0.0.1:9/n\"}}}"),
                MUSTERSTADT)).getStatus());
        assertEquals(403, call(() -> api.subscriptions().get(operators, MUSTERSTADT, JSON)).getStatus());
        assertEquals(403, call(() -> api.subscriptions().delete(operators, MUSTERSTADT)).getStatus());
        assertEquals(403, call(() -> api.subscriptions().patch(own, body("{\"entities\":[{\"type\":\"" + TYPE + "\"}]}"),
                MUSTERSTADT)).getStatus());
        Response listed = api.subscriptions().list(20, 0, true, MUSTERSTADT, JSON);
        assertEquals(List.of(own), ids(listed).stream().toList());
        assertEquals("1", listed.getHeaderString(EntitiesResource.COUNT_HEADER));
        assertEquals(204, api.subscriptions().delete(own, MUSTERSTADT).getStatus());

        caller.set(TestCallers.OPERATOR.get());
        assertEquals(204, api.subscriptions().delete(operators, MUSTERSTADT).getStatus());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void publicTypesAreReadWithoutCredentialsAndNothingElse(Api api) throws Exception {
        String parking = ownType(MUSTERSTADT);
        String parkingId = "urn:ngsi-ld:" + parking + ":" + MUSTERSTADT + ":bahnhof-1";
        caller.set(Caller.anonymous(List.of(new Grant(MUSTERSTADT, AccessLevel.READ, Set.of(parking)))));

        assertEquals(200, api.entities().entity(parkingId, MUSTERSTADT, null, JSON).getStatus());
        assertEquals(Set.of(parkingId), ids(query(api, MUSTERSTADT, null, null, ".*", null, null)));
        assertEquals(401, call(api, MUSTERSTADT, "GET /entities/{id}").getStatus());
        assertEquals(401, call(api, MUSTERSTADT, "GET /entities?type").getStatus());
        assertEquals(401, call(api, MUSTERSTADT, "POST /subscriptions").getStatus());
        for (String operation : operations().keySet()) {
            assertEquals(401, call(api, NACHBARSTADT, operation).getStatus(), operation);
        }
    }

    Stream<Api> databases() {
        return apis.stream();
    }

    private static Response query(Api api, String tenant, String type, String ids, String idPattern, String q, String georel) {
        return api.entities().entities(type, ids, idPattern, null, q, georel, georel == null ? null : "Point",
                georel == null ? null : "[7.6261,51.9607]", 20, 0, false, null, tenant, JSON);
    }

    private static String subscription(String type) {
        return "{\"type\":\"Subscription\",\"entities\":[{\"type\":\"" + type + "\"}],"
                + "\"notification\":{\"endpoint\":{\"uri\":\"http://127.0.0.1:9/notify\"}}}";
    }

    private static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String other(String tenant) {
        return tenant.equals(MUSTERSTADT) ? NACHBARSTADT : MUSTERSTADT;
    }

    private static Response call(Api api, String tenant, String operation) {
        return call(() -> operations().get(operation).apply(api, tenant));
    }

    /** The answer, whether the resource returns it or throws it, as CXF would send either. */
    private static Response call(Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }
}
