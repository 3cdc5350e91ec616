package io.urbanhub.rest.ngsild.internal;

import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.MUSTERSTADT;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.NACHBARSTADT;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.PLACES;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.READINGS_PER_ROOM;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.TYPE;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.entityId;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.isTemperatureOf;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.other;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.ownAttribute;
import static io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter.ownType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.urbanhub.rest.security.internal.TestCallers;
import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.api.admin.StoredObservation;
import io.urbanhub.api.admin.Tenant;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.core.internal.store.BothDatabases;
import io.urbanhub.rest.tenants.TwoTenantsOnOneAdapter;

/**
 * Two tenants served by one adapter, on H2 and on PostgreSQL: through every read path of the NGSI-LD API, and the
 * admin queries, each tenant gets its own data and nothing of the other's. Every check of absence runs beside a
 * check that the same request does find the asking tenant's own data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json";

    /** The NGSI-LD resources over the real data layer on one database. */
    record Api(String database, TwoTenantsOnOneAdapter data, SubscriptionService subscriptionService,
               EntitiesResource entities, TemporalEntitiesResource temporal, TypesResource types,
               SubscriptionsResource subscriptions) {

        @Override
        public String toString() {
            return database;
        }
    }

    /** What a subscriber endpoint received: the tenant its path names, the tenant header, the notification. */
    record Delivery(String pathTenant, String tenantHeader, JsonNode notification) {
    }

    private BothDatabases databases;
    private final List<Api> apis = new ArrayList<>();
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private HttpServer subscriber;

    @BeforeAll
    void writeBothTenantsOnEachDatabase() throws Exception {
        databases = new BothDatabases();
        for (DataSource database : databases.fresh().toList()) {
            TwoTenantsOnOneAdapter data = TwoTenantsOnOneAdapter.written(database);
            SubscriptionService subscriptionService = new SubscriptionService(data.dataLayer(), data.dataLayer(),
                    Clock.systemUTC(), Duration.ofMillis(50));
            data.activated().listeners(subscriptionService);
            NgsiLdRequests requests = new NgsiLdRequests("", tenant -> data.registry().find(tenant).isPresent(), TestCallers.OPERATOR);
            apis.add(new Api(database instanceof JdbcDataSource ? "H2" : "PostgreSQL", data, subscriptionService,
                    new EntitiesResource(data.dataLayer(), requests),
                    new TemporalEntitiesResource(data.dataLayer(), data.dataLayer(), requests),
                    new TypesResource(data.dataLayer(), requests), new SubscriptionsResource(subscriptionService, requests)));
        }
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/notify/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            deliveries.add(new Delivery(path.substring(path.lastIndexOf('/') + 1),
                    exchange.getRequestHeaders().getFirst(EntitiesResource.TENANT_HEADER), MAPPER.readTree(exchange.getRequestBody())));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        subscriber.setExecutor(Executors.newCachedThreadPool());
        subscriber.start();
    }

    @AfterAll
    void stop() {
        if (subscriber != null) {
            subscriber.stop(0);
        }
        for (Api api : apis) {
            api.subscriptionService().deactivate();
            api.data().close();
        }
        databases.close();
    }

    Stream<Arguments> eachTenantOnEachDatabase() {
        return apis.stream().flatMap(api -> Stream.of(Arguments.of(api, MUSTERSTADT), Arguments.of(api, NACHBARSTADT)));
    }

    Stream<Api> eachDatabase() {
        return apis.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void anEntityIsFoundByIdOnlyUnderItsOwnTenant(Api api, String tenant) throws Exception {
        for (String room : TwoTenantsOnOneAdapter.ROOMS) {
            Response own = api.entities().entity(entityId(tenant, room), tenant, null, JSON);
            assertEquals(200, own.getStatus());
            assertTrue(isTemperatureOf(tenant, json(own).at("/temperature/value").asDouble()), json(own).toString());

            assertProblem(api.entities().entity(entityId(other(tenant), room), tenant, null, JSON), 404, "ResourceNotFound");
            assertProblem(api.entities().entity(entityId(other(tenant), room), tenant, "keyValues", JSON), 404, "ResourceNotFound");
        }
        assertEquals(200, api.entities().entity(ownEntity(tenant), tenant, null, JSON).getStatus());
        assertProblem(api.entities().entity(ownEntity(other(tenant)), tenant, null, JSON), 404, "ResourceNotFound");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void aQueryByTypeFindsAndCountsOnlyTheOwnEntities(Api api, String tenant) throws Exception {
        Response byType = find(api, tenant, TYPE, null, null, null);
        assertEquals(rooms(tenant), ids(byType));
        assertEquals("2", byType.getHeaderString(EntitiesResource.COUNT_HEADER));
        assertOwnTemperatures(tenant, json(byType), "/temperature/value");

        Response otherType = find(api, tenant, ownType(other(tenant)), null, null, null);
        assertEquals(Set.of(), ids(otherType));
        assertEquals("0", otherType.getHeaderString(EntitiesResource.COUNT_HEADER));
        assertEquals(Set.of(ownEntity(tenant)), ids(find(api, tenant, ownType(tenant), null, null, null)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void attrsAndKeyValuesShowOnlyTheOwnValues(Api api, String tenant) throws Exception {
        Response projected = api.entities().entities(TYPE, null, null, "temperature," + ownAttribute(other(tenant)), null, null,
                null, null, 100, 0, true, null, tenant, JSON);
        assertEquals(rooms(tenant), ids(projected));
        for (JsonNode entity : json(projected)) {
            assertFalse(entity.has(ownAttribute(other(tenant))), entity.toString());
            assertFalse(entity.has("location"), "attrs leaves the others out: " + entity);
        }
        assertOwnTemperatures(tenant, json(projected), "/temperature/value");

        Response keyValues = api.entities().entities(TYPE, null, null, null, null, null, null, null, 100, 0, true,
                "keyValues", tenant, JSON);
        assertEquals(rooms(tenant), ids(keyValues));
        assertOwnTemperatures(tenant, json(keyValues), "/temperature");
        for (JsonNode entity : json(keyValues)) {
            assertTrue(entity.has(ownAttribute(tenant)), entity.toString());
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void aQueryByIdsReturnsNoneOfTheOtherTenantsIds(Api api, String tenant) throws Exception {
        String mixed = String.join(",", entityId(tenant, "cold-room-1"), entityId(other(tenant), "cold-room-1"),
                entityId(other(tenant), "cold-room-2"));
        assertEquals(Set.of(entityId(tenant, "cold-room-1")), ids(find(api, tenant, null, mixed, null, null)));

        Response othersOnly = find(api, tenant, TYPE, entityId(other(tenant), "cold-room-1") + "," + entityId(other(tenant), "cold-room-2"),
                null, null);
        assertEquals(Set.of(), ids(othersOnly));
        assertEquals("0", othersOnly.getHeaderString(EntitiesResource.COUNT_HEADER));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void anIdPatternMatchesOnlyTheOwnIds(Api api, String tenant) throws Exception {
        assertEquals(Set.of(entityId(tenant, "cold-room-1")), ids(find(api, tenant, null, null, ".*:cold-room-1", null)));
        assertEquals(Set.of(), ids(find(api, tenant, null, null, "urn:ngsi-ld:" + TYPE + ":" + other(tenant) + ":.*", null)));
        assertEquals(rooms(tenant), ids(find(api, tenant, null, null, "urn:ngsi-ld:" + TYPE + ":" + tenant + ":.*", null)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void qFindsNoEntityByTheOtherTenantsValuesOrAttributes(Api api, String tenant) throws Exception {
        assertEquals(rooms(tenant), ids(find(api, tenant, null, null, null, "temperature>0")));
        assertEquals(rooms(tenant), ids(find(api, tenant, null, null, null, temperatureRangeOf(tenant))));
        Response otherValues = find(api, tenant, null, null, null, temperatureRangeOf(other(tenant)));
        assertEquals(Set.of(), ids(otherValues));
        assertEquals("0", otherValues.getHeaderString(EntitiesResource.COUNT_HEADER));

        assertEquals(rooms(tenant), ids(find(api, tenant, null, null, null, ownAttribute(tenant))));
        assertEquals(Set.of(), ids(find(api, tenant, null, null, null, ownAttribute(other(tenant)))));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void aGeoQueryFindsOnlyTheOwnEntitiesAtTheSharedPlaces(Api api, String tenant) throws Exception {
        var room1 = PLACES.get("cold-room-1");
        Response near = api.entities().entities(null, null, null, null, null, "near;maxDistance==50", "Point",
                "[" + room1.longitude() + "," + room1.latitude() + "]", 100, 0, true, null, tenant, JSON);
        assertEquals(Set.of(entityId(tenant, "cold-room-1"), ownEntity(tenant)), ids(near));
        assertEquals("2", near.getHeaderString(EntitiesResource.COUNT_HEADER));

        Response within = api.entities().entities(null, null, null, null, null, "within", "Polygon",
                "[[[7.62,51.95],[7.64,51.95],[7.64,51.97],[7.62,51.97],[7.62,51.95]]]", 100, 0, true, null, tenant, JSON);
        Set<String> everyOwn = new TreeSet<>(rooms(tenant));
        everyOwn.add(ownEntity(tenant));
        assertEquals(everyOwn, ids(within));
        assertEquals("3", within.getHeaderString(EntitiesResource.COUNT_HEADER));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void typesAndAttributesListOnlyWhatTheOwnEntitiesHave(Api api, String tenant) throws Exception {
        assertEquals(new TreeSet<>(List.of(TYPE, ownType(tenant))),
                texts(json(api.types().types(tenant, JSON)).get("typeList")));
        Set<String> attributes = texts(json(api.types().attributes(tenant, JSON)).get("attributeList"));
        assertTrue(attributes.containsAll(Set.of("temperature", ownAttribute(tenant))), attributes.toString());
        assertFalse(attributes.contains(ownAttribute(other(tenant))), attributes.toString());
        assertFalse(attributes.contains(tenant.equals(MUSTERSTADT) ? "fillingLevel" : "status"), attributes.toString());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void theTemporalEvolutionOfAnEntityIsFoundOnlyUnderItsOwnTenant(Api api, String tenant) throws Exception {
        String own = entityId(tenant, "cold-room-1");
        String others = entityId(other(tenant), "cold-room-1");
        Response history = api.temporal().history(own, null, null, null, null, null, null, null, null, tenant, JSON);
        assertEquals(200, history.getStatus());
        JsonNode instances = json(history).get("temperature");
        assertTrue(instances.size() >= READINGS_PER_ROOM, instances.toString());
        assertOwnTemperatures(tenant, instances, "/value");
        assertProblem(api.temporal().history(others, null, null, null, null, null, null, null, null, tenant, JSON), 404,
                "ResourceNotFound");
        assertProblem(api.temporal().history(others, null, null, null, null, null, "temporalValues", null, null, tenant, JSON), 404,
                "ResourceNotFound");

        Response aggregated = api.temporal().history(own, null, null, null, null, "temperature", null, "min,max", "P1D", tenant, JSON);
        assertEquals(200, aggregated.getStatus());
        assertOwnAggregates(tenant, json(aggregated));
        assertProblem(api.temporal().history(others, null, null, null, null, "temperature", null, "min,max", "P1D", tenant, JSON),
                404, "ResourceNotFound");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void aTemporalQueryReturnsAndAggregatesOnlyTheOwnEntities(Api api, String tenant) throws Exception {
        Response series = temporalQuery(api, tenant, TYPE, null, null);
        assertEquals(rooms(tenant), ids(series));
        assertEquals("2", series.getHeaderString(EntitiesResource.COUNT_HEADER));
        for (JsonNode entity : json(series)) {
            assertOwnTemperatures(tenant, entity.get("temperature"), "/value");
        }

        Response aggregated = temporalQuery(api, tenant, TYPE, "min,max,avg", "PT1H");
        assertEquals(rooms(tenant), ids(aggregated));
        for (JsonNode entity : json(aggregated)) {
            assertOwnAggregates(tenant, entity);
        }

        Response otherType = temporalQuery(api, tenant, ownType(other(tenant)), null, null);
        assertEquals(Set.of(), ids(otherType));
        assertEquals("0", otherType.getHeaderString(EntitiesResource.COUNT_HEADER));
        Response otherIds = api.temporal().query(null, entityId(other(tenant), "cold-room-1"), null, null, null, null, null, null,
                null, null, null, null, null, null, null, 100, 0, true, tenant, JSON);
        assertEquals(Set.of(), ids(otherIds));
        assertEquals(Set.of(entityId(tenant, "cold-room-1")), ids(api.temporal().query(null, entityId(tenant, "cold-room-1"),
                null, null, null, null, null, null, null, null, null, null, null, null, null, 100, 0, true, tenant, JSON)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void aSubscriptionCanBeNeitherSeenNorChangedNorDeletedByTheOtherTenant(Api api, String tenant) throws Exception {
        String stranger = other(tenant);
        String id = created(api.subscriptions().create(SubscriptionTest.body(SubscriptionTest.subscription(
                "\"entities\":[{\"type\":\"" + TYPE + "\"}],", "", "http://127.0.0.1:9/unused")), tenant));
        try {
            assertProblem(api.subscriptions().get(id, stranger, JSON), 404, "ResourceNotFound");
            assertProblem(api.subscriptions().patch(id, SubscriptionTest.body("{\"q\":\"temperature>100\"}"), stranger), 404, "ResourceNotFound");
            assertProblem(api.subscriptions().delete(id, stranger), 404, "ResourceNotFound");
            Response strangersList = api.subscriptions().list(100, 0, true, stranger, JSON);
            assertFalse(ids(strangersList).contains(id));

            Response own = api.subscriptions().get(id, tenant, JSON);
            assertEquals(200, own.getStatus());
            assertFalse(json(own).has("q"), "the stranger's patch changed nothing");
            assertTrue(ids(api.subscriptions().list(100, 0, true, tenant, JSON)).contains(id));

            // the same id is free for the stranger, as a subscription of its own
            String strangers = created(api.subscriptions().create(SubscriptionTest.body("{\"id\":\"" + id + "\",\"type\":\"Subscription\","
                    + "\"entities\":[{\"type\":\"" + TYPE + "\"}],\"notification\":{\"endpoint\":{\"uri\":\"http://127.0.0.1:9/x\"}}}"),
                    stranger));
            assertEquals(id, strangers);
            assertEquals(204, api.subscriptions().delete(id, stranger).getStatus());
            assertEquals(200, api.subscriptions().get(id, tenant, JSON).getStatus(), "the stranger deleted its own only");
        } finally {
            api.subscriptions().delete(id, tenant);
        }
        assertProblem(api.subscriptions().get(id, tenant, JSON), 404, "ResourceNotFound");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachDatabase")
    void notificationsCarryOnlyTheOwnTenantsData(Api api) throws Exception {
        deliveries.clear();
        List<String> subscriptions = new ArrayList<>();
        for (String tenant : List.of(MUSTERSTADT, NACHBARSTADT)) {
            subscriptions.add(created(api.subscriptions().create(SubscriptionTest.body(SubscriptionTest.subscription(
                    "\"entities\":[{\"type\":\"" + TYPE + "\"}],", "", endpoint(tenant))), tenant)));
        }
        try {
            for (String tenant : List.of(MUSTERSTADT, NACHBARSTADT)) {
                api.data().write(tenant, "cold-room-1", READINGS_PER_ROOM);
            }
            List<Delivery> received = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.stream().map(Delivery::pathTenant).distinct().count() < 2 && System.nanoTime() < deadline) {
                Delivery delivery = deliveries.poll(100, TimeUnit.MILLISECONDS);
                if (delivery != null) {
                    received.add(delivery);
                }
            }
            // anything delivered late to the wrong subscriber would show here
            Delivery late;
            while ((late = deliveries.poll(500, TimeUnit.MILLISECONDS)) != null) {
                received.add(late);
            }
            assertEquals(Set.of(MUSTERSTADT, NACHBARSTADT), received.stream().map(Delivery::pathTenant).collect(
                    Collectors.toSet()), "each subscriber is notified");
            for (Delivery delivery : received) {
                String tenant = delivery.pathTenant();
                assertEquals(tenant, delivery.tenantHeader());
                for (JsonNode entity : delivery.notification().get("data")) {
                    assertEquals(entityId(tenant, "cold-room-1"), entity.get("id").asText());
                    assertTrue(isTemperatureOf(tenant, entity.at("/temperature/value").asDouble()), entity.toString());
                }
            }
        } finally {
            api.subscriptions().delete(subscriptions.get(0), MUSTERSTADT);
            api.subscriptions().delete(subscriptions.get(1), NACHBARSTADT);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("eachTenantOnEachDatabase")
    void theAdminQueriesListDeadLettersAndObservationsOnlyUnderTheirTenant(Api api, String tenant) {
        List<DeadLetter> deadLetters = api.data().dataLayer().deadLetters(tenant, 100);
        assertEquals(1, deadLetters.size(), deadLetters.toString());
        DeadLetter deadLetter = deadLetters.get(0);
        assertEquals(tenant, deadLetter.tenant());
        assertEquals(TwoTenantsOnOneAdapter.instance(tenant), deadLetter.adapter());
        assertArrayEquals(TwoTenantsOnOneAdapter.payload(tenant), deadLetter.payload());

        List<StoredObservation> observations = api.data().dataLayer().latestObservations(tenant, null, 1000);
        assertFalse(observations.isEmpty());
        observations.forEach(observation -> assertEquals(tenant, observation.tenant(), observation.toString()));
        assertEquals(List.of(), api.data().dataLayer().latestObservations(tenant, entityId(other(tenant), "cold-room-1"), 1000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachDatabase")
    void aTenantNeitherRegisteredNorTheDefaultIsNonexistent(Api api) throws Exception {
        String unknown = "fremdstadt";
        assertNonexistent(() -> api.entities().entity(entityId(MUSTERSTADT, "cold-room-1"), unknown, null, JSON));
        assertNonexistent(() -> find(api, unknown, TYPE, null, null, null));
        assertNonexistent(() -> api.types().types(unknown, JSON));
        assertNonexistent(() -> api.types().attributes(unknown, JSON));
        assertNonexistent(() -> temporalQuery(api, unknown, TYPE, null, null));
        assertNonexistent(() -> api.subscriptions().list(20, 0, false, unknown, JSON));
        assertNonexistent(() -> api.subscriptions().create(SubscriptionTest.body(SubscriptionTest.subscription("", "", "http://127.0.0.1:9/x")), unknown));

        api.data().registry().put(new Tenant(unknown, "Fremdstadt", "", ""));
        try {
            Response registered = find(api, unknown, TYPE, null, null, null);
            assertEquals(200, registered.getStatus());
            assertEquals(Set.of(), ids(registered), "a new tenant has no data, the others' included");
        } finally {
            api.data().registry().remove(unknown);
        }
        assertNonexistent(() -> find(api, unknown, TYPE, null, null, null));

        NgsiLdRequests withDefault = new NgsiLdRequests(unknown, tenant -> api.data().registry().find(tenant).isPresent(), TestCallers.OPERATOR);
        assertEquals(200, new EntitiesResource(api.data().dataLayer(), withDefault)
                .entities(TYPE, null, null, null, null, null, null, null, 20, 0, false, null, null, JSON).getStatus());
        assertEquals(Set.of(), ids(new EntitiesResource(api.data().dataLayer(), new NgsiLdRequests("", tenant -> true, TestCallers.OPERATOR))
                .entities(TYPE, null, null, null, null, null, null, null, 20, 0, false, null, unknown, JSON)),
                "without registeredTenantsOnly any tenant is served, with no data of the others");
    }

    private interface Request {
        Response send() throws Exception;
    }

    private static void assertNonexistent(Request request) throws Exception {
        try {
            Response response = request.send();
            throw new AssertionError("Answered " + response.getStatus() + " " + response.getEntity());
        } catch (WebApplicationException e) {
            assertProblem(e.getResponse(), 404, "NonexistentTenant");
        }
    }

    private static Response find(Api api, String tenant, String type, String ids, String idPattern, String q) {
        return api.entities().entities(type, ids, idPattern, null, q, null, null, null, 100, 0, true, null, tenant, JSON);
    }

    private static Response temporalQuery(Api api, String tenant, String type, String aggrMethods, String period) {
        return api.temporal().query(type, null, null, null, null, null, null, null, null, null, null, "temperature", null,
                aggrMethods, period, 100, 0, true, tenant, JSON);
    }

    private String endpoint(String tenant) {
        return "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/notify/" + tenant;
    }

    static String created(Response response) {
        assertEquals(201, response.getStatus(), String.valueOf(response.getEntity()));
        String location = response.getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String ownEntity(String tenant) {
        return new EntityId(ownType(tenant), tenant, "bahnhof-1").urn();
    }

    private static Set<String> rooms(String tenant) {
        return new TreeSet<>(TwoTenantsOnOneAdapter.ROOMS.stream().map(room -> entityId(tenant, room)).toList());
    }

    /** A q that holds for every temperature of the tenant and none of the other's. */
    private static String temperatureRangeOf(String tenant) {
        return tenant.equals(MUSTERSTADT) ? "temperature>=3;temperature<6" : "temperature>=19;temperature<23";
    }

    private static void assertOwnTemperatures(String tenant, JsonNode items, String pointer) {
        assertFalse(items.isEmpty(), "the tenant sees values of its own");
        for (JsonNode item : items) {
            assertTrue(isTemperatureOf(tenant, item.at(pointer).asDouble()), item.toString());
        }
    }

    /** Every aggregate of the temperature, [value, start, end] per period and method, is one of the tenant's values. */
    private static void assertOwnAggregates(String tenant, JsonNode entity) {
        for (String method : List.of("min", "max")) {
            JsonNode periods = entity.at("/temperature/" + method);
            assertFalse(periods.isEmpty(), entity.toString());
            periods.forEach(period -> assertTrue(isTemperatureOf(tenant, period.get(0).asDouble()), entity.toString()));
        }
    }

    static Set<String> ids(Response response) throws Exception {
        assertEquals(200, response.getStatus(), String.valueOf(response.getEntity()));
        Set<String> ids = new TreeSet<>();
        json(response).forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Set<String> texts(Iterable<JsonNode> nodes) {
        Set<String> texts = new TreeSet<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static void assertProblem(Response response, int status, String type) throws Exception {
        assertEquals(status, response.getStatus(), String.valueOf(response.getEntity()));
        assertEquals("https://uri.etsi.org/ngsi-ld/errors/" + type, json(response).get("type").asText());
    }

    static JsonNode json(Response response) throws Exception {
        return MAPPER.readTree((String) response.getEntity());
    }
}
