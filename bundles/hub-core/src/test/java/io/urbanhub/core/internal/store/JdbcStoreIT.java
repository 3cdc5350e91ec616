package io.urbanhub.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.api.admin.EntitySummary;
import io.urbanhub.api.admin.StoredObservation;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.notify.StoredSubscription;
import io.urbanhub.api.query.Aggregate;
import io.urbanhub.api.query.AttributeCondition;
import io.urbanhub.api.query.AttributeValue;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.GeoCondition;
import io.urbanhub.api.query.GeoNear;
import io.urbanhub.api.query.GeoRelation;
import io.urbanhub.api.query.GeoShape;
import io.urbanhub.api.query.Page;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.testing.TestPostgres;

/** The same behaviour on the embedded default (H2) and on a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcStoreIT {

    private static final Duration WINDOW = Duration.ofHours(24);
    private BothDatabases databases;

    @BeforeAll
    void startPostgres() {
        databases = new BothDatabases();
    }

    @AfterAll
    void stopPostgres() {
        databases.close();
    }

    Stream<DataSource> databases() {
        return databases.fresh();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesTheTimeSeriesAndTheEntityStateOnce(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        String room = "room-" + UUID.randomUUID();

        assertEquals(Receipt.STORED, store.store(input("7", now), List.of(reading(room, 4.2, now))));
        assertEquals(Receipt.DUPLICATE, store.store(input("7", now.plusSeconds(2)), List.of(reading(room, 4.2, now))));

        List<StoredObservation> stored = store.reads().latestObservations("musterstadt", entity(room).urn(), 10);
        assertEquals(2, stored.size(), "temperature and humidity once each");
        StoredObservation temperature = stored.stream().filter(o -> o.attribute().equals("temperature")).findFirst().orElseThrow();
        assertEquals(4.2, temperature.value());
        assertEquals(UnitCodes.DEGREE_CELSIUS, temperature.unitCode());
        assertEquals(now, temperature.observedAt());
        assertEquals("lorawan-chirpstack.musterstadt", temperature.adapter());
        assertTrue(entityJson(database, room).contains("\"temperature\":{\"type\":\"Property\",\"value\":4.2,\"unitCode\":\"CEL\""));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFrameCounterSeenBeforeTheWindowCountsAsNew(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        Instant first = Instant.parse("2026-11-01T10:00:00Z");
        String room = "room-" + UUID.randomUUID();
        assertEquals(Receipt.STORED, store.store(input("0", first), List.of(reading(room, 3.0, first))));
        Instant afterRejoin = first.plus(Duration.ofDays(3));
        assertEquals(Receipt.STORED, store.store(input("0", afterRejoin), List.of(reading(room, 5.0, afterRejoin))));
        assertEquals(4, store.reads().latestObservations("musterstadt", entity(room).urn(), 10).size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLateReadingJoinsTheSeriesButKeepsTheNewerState(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        String room = "room-" + UUID.randomUUID();
        store.store(input("2", now), List.of(reading(room, 6.5, now)));
        store.store(input("1", now), List.of(reading(room, 1.5, now.minusSeconds(600))));
        assertTrue(entityJson(database, room).contains("\"value\":6.5"));
        assertEquals(4, store.reads().latestObservations("musterstadt", entity(room).urn(), 10).size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keepsDeadLettersWithReasonAndPayloadUpToTheLimit(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String device = "a84041000181" + UUID.randomUUID().toString().substring(0, 4);
        byte[] payload = "{\"not\": \"decodable\"}".getBytes(StandardCharsets.UTF_8);
        Input input = new Input("musterstadt", new Source("lorawan-chirpstack.musterstadt", "chirpstack", device, null),
                Instant.parse("2026-11-27T10:00:00Z"), payload);
        store.deadLetter(input, "unknown device " + device, 8);

        DeadLetter letter = store.reads().deadLetters("musterstadt", 50).stream()
                .filter(l -> device.equals(l.device())).findFirst().orElseThrow();
        assertEquals("unknown device " + device, letter.reason());
        assertEquals(payload.length, letter.payloadSize());
        assertArrayEquals("{\"not\": ".getBytes(StandardCharsets.UTF_8), letter.payload());
        assertEquals("chirpstack", letter.system());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void findsEntitiesOfOneTenantByTypeIdAndIdPatternPageByPage(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            store.store(input(run + i, now), List.of(reading("room-" + run + "-" + i, 4.0 + i, now)));
        }
        EntityFilter byPattern = new EntityFilter(Set.of("IndoorEnvironmentObserved"), Set.of(),
                "urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:room-" + run + "-.*");

        Page<EntityState> first = store.reads().entities("musterstadt", byPattern, 0, 2, true);
        assertEquals(3, first.total());
        assertEquals(List.of(entity("room-" + run + "-1").urn(), entity("room-" + run + "-2").urn()),
                first.items().stream().map(EntityState::id).toList());
        assertEquals(1, store.reads().entities("musterstadt", byPattern, 2, 2, false).items().size());
        assertEquals(-1, store.reads().entities("musterstadt", byPattern, 2, 2, false).total());

        EntityState one = store.reads().entity("musterstadt", entity("room-" + run + "-2").urn()).orElseThrow();
        assertTrue(one.normalized().contains("\"value\":6.0"));
        assertTrue(store.reads().entity("nachbarstadt", one.id()).isEmpty(), "no entity crosses tenants");
        assertEquals(0, store.reads().entities("nachbarstadt", byPattern, 0, 10, true).total());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readsTheHistoryOfAnEntityInATimeRangeNewestFirstWithLastN(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        String room = "room-" + UUID.randomUUID();
        for (int minute = 0; minute < 5; minute++) {
            Instant at = start.plusSeconds(60L * minute);
            store.store(input("h" + minute, at), List.of(reading(room, minute, at)));
        }
        TemporalQueries.History history = store.reads().history("musterstadt", entity(room).urn(), Set.of("temperature"),
                new TimeRange(start.plusSeconds(60), start.plusSeconds(240)), 2).orElseThrow();

        assertEquals("IndoorEnvironmentObserved", history.entityType());
        assertEquals(List.of(3.0, 2.0), history.values().stream().map(AttributeValue::value).toList());
        assertEquals(start.plusSeconds(180), history.values().get(0).observedAt());
        assertEquals(UnitCodes.DEGREE_CELSIUS, history.values().get(0).unitCode());

        assertEquals(10, store.reads().history("musterstadt", entity(room).urn(), Set.of(), TimeRange.ALL, 100)
                .orElseThrow().values().size(), "both attributes, all five times");
        assertTrue(store.reads().history("nachbarstadt", entity(room).urn(), Set.of(), TimeRange.ALL, 100).isEmpty());

        TemporalQueries.Aggregated perTwoMinutes = store.reads().aggregate("musterstadt", entity(room).urn(), Set.of("temperature"),
                new TimeRange(start, start.plusSeconds(300)), Duration.ofMinutes(2)).orElseThrow();
        assertEquals(3, perTwoMinutes.aggregates().size(), "0-1, 2-3 and 4");
        Aggregate second = perTwoMinutes.aggregates().get(1);
        assertEquals(start.plusSeconds(120), second.start());
        assertEquals(start.plusSeconds(240), second.end());
        assertEquals(2.5, second.avg());
        assertEquals(2.0, second.min());
        assertEquals(3.0, second.max());
        assertEquals(5.0, second.sum());
        assertEquals(2, second.totalCount());

        List<TemporalQueries.EntityValue> ofType = store.reads().valuesOfType("musterstadt", "IndoorEnvironmentObserved",
                new TimeRange(start.plusSeconds(60), start.plusSeconds(120)), 1000);
        assertTrue(ofType.stream().anyMatch(v -> v.entityId().equals(entity(room).urn())
                && v.value().attribute().equals("temperature") && v.value().value().equals(1.0)));
        assertTrue(ofType.stream().allMatch(v -> v.value().observedAt().equals(start.plusSeconds(60))));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void findsEntitiesNearAPointAndListsTypesAndAttributes(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String tenant = "geo-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        // Münster: the Prinzipalmarkt, about 700 m west the castle, about 8 km away Hiltrup
        storeAt(store, tenant, "prinzipalmarkt", new GeoPoint(7.6280, 51.9625), now);
        storeAt(store, tenant, "schloss", new GeoPoint(7.6136, 51.9636), now);
        storeAt(store, tenant, "hiltrup", new GeoPoint(7.6350, 51.9050), now);

        EntityFilter within1km = new EntityFilter(Set.of(), Set.of(), null,
                new GeoNear(new GeoPoint(7.6280, 51.9625), 1_000.0, null), List.of());
        assertEquals(List.of("prinzipalmarkt", "schloss"), localIds(store.reads().entities(tenant, within1km, 0, 10, false)));
        EntityFilter beyond500m = new EntityFilter(Set.of(), Set.of(), null,
                new GeoNear(new GeoPoint(7.6280, 51.9625), 10_000.0, 500.0), List.of());
        assertEquals(List.of("hiltrup", "schloss"), localIds(store.reads().entities(tenant, beyond500m, 0, 10, false)));

        assertEquals(List.of("IndoorEnvironmentObserved"), store.reads().distinct(tenant, "entity_type", "hub_entity"));
        assertEquals(List.of("relativeHumidity", "temperature"), store.reads().distinct(tenant, "attribute", "hub_observation"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void relatesLocationsToAPolygonWithAHoleAndToAPoint(DataSource database) throws Exception {
        assertRelationsToShapes(JdbcStore.open(database, WINDOW));
    }

    @org.junit.jupiter.api.Test
    void testsPolygonsWithPostgisWhenTheDatabaseHasIt() throws Exception {
        try (TestPostgres fresh = TestPostgres.start()) {
            try (Connection connection = fresh.connect(); Statement statement = connection.createStatement()) {
                try (ResultSet available = statement.executeQuery(
                        "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")) {
                    assumeTrue(available.next(), "PostGIS is not available to this PostgreSQL");
                }
                statement.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                assertTrue(SqlDialect.POSTGRESQL.hasPostgis(connection));
            }
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(fresh.jdbcUrl());
            pg.setUser(fresh.username());
            assertRelationsToShapes(JdbcStore.open(pg, WINDOW));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void combinesAPolygonWithTypeAndQPageByPageWithinOneTenant(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String tenant = "geo-" + UUID.randomUUID().toString().substring(0, 8);
        String neighbour = "geo-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        for (int i = 1; i <= 5; i++) {
            storeTyped(store, tenant, "IndoorEnvironmentObserved", "raum-" + i, new GeoPoint(7.60 + 0.01 * i, 51.95), 9.0 + i, now);
        }
        storeTyped(store, tenant, "IndoorEnvironmentObserved", "draussen", new GeoPoint(7.70, 51.95), 20.0, now);
        storeTyped(store, tenant, "ParkingSpot", "parkplatz", new GeoPoint(7.62, 51.96), 20.0, now);
        storeTyped(store, neighbour, "IndoorEnvironmentObserved", "raum-9", new GeoPoint(7.62, 51.96), 20.0, now);

        GeoShape.Polygon square = new GeoShape.Polygon(List.of(ring(7.60, 51.94, 7.66, 51.94, 7.66, 51.98, 7.60, 51.98, 7.60, 51.94)));
        EntityFilter warmRoomsInside = new EntityFilter(Set.of("IndoorEnvironmentObserved"), Set.of(), null,
                new GeoRelation(GeoRelation.Relation.WITHIN, square),
                List.of(List.of(condition("temperature", AttributeCondition.Operator.GREATER_OR_EQUAL, 11))));

        Page<EntityState> second = store.reads().entities(tenant, warmRoomsInside, 1, 2, true);
        assertEquals(4, second.total(), "raum-2 to raum-5");
        assertEquals(List.of("raum-3", "raum-4"), localIds(second));
        assertEquals(List.of("raum-5"), localIds(store.reads().entities(tenant, warmRoomsInside, 3, 2, false)));
        assertEquals(List.of("raum-9"), localIds(store.reads().entities(neighbour, warmRoomsInside, 0, 10, true)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void findsEntitiesByTheirCurrentValues(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String tenant = "q-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        storeAt(store, tenant, "warm", new GeoPoint(7.6, 51.9), now, 21.0, "ok");
        storeAt(store, tenant, "cold", new GeoPoint(7.6, 51.9), now, 4.0, "ok");
        storeAt(store, tenant, "frozen", new GeoPoint(7.6, 51.9), now, -18.0, "alarm");
        storeAt(store, tenant, "frozen", new GeoPoint(7.6, 51.9), now.minusSeconds(60), 30.0, "old");

        assertEquals(List.of("cold", "warm"), localIds(query(store, tenant, List.of(List.of(
                condition("temperature", AttributeCondition.Operator.GREATER, 0))))));
        assertEquals(List.of("cold"), localIds(query(store, tenant, List.of(List.of(
                condition("temperature", AttributeCondition.Operator.GREATER, 0),
                condition("temperature", AttributeCondition.Operator.LESS_OR_EQUAL, 10))))));
        assertEquals(List.of("frozen", "warm"), localIds(query(store, tenant, List.of(
                List.of(condition("status", AttributeCondition.Operator.EQUAL, "alarm")),
                List.of(condition("temperature", AttributeCondition.Operator.GREATER_OR_EQUAL, 21))))));
        assertEquals(3, query(store, tenant, List.of(List.of(
                new AttributeCondition("status", AttributeCondition.Operator.EXISTS, null)))).items().size());
        assertEquals(List.of(), localIds(query(store, tenant, List.of(List.of(
                condition("status", AttributeCondition.Operator.EQUAL, "old"))))), "a late reading is not the state");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keepsSubscriptionsPerTenantAcrossReopening(DataSource database) throws Exception {
        JdbcSubscriptions subscriptions = JdbcStore.open(database, WINDOW).subscriptions();
        String id = "urn:ngsi-ld:Subscription:" + UUID.randomUUID();
        subscriptions.save(new StoredSubscription("musterstadt", id, "{\"q\":\"temperature>8\"}"));
        subscriptions.save(new StoredSubscription("musterstadt", id, "{\"q\":\"temperature>9\"}"));
        subscriptions.save(new StoredSubscription("nachbarstadt", id, "{}"));

        List<StoredSubscription> kept = JdbcStore.open(database, WINDOW).subscriptions().all().stream()
                .filter(subscription -> subscription.id().equals(id)).toList();
        assertEquals(2, kept.size());
        assertEquals("{\"q\":\"temperature>9\"}", kept.stream()
                .filter(subscription -> subscription.tenant().equals("musterstadt")).findFirst().orElseThrow().document());
        assertTrue(subscriptions.delete("nachbarstadt", id));
        assertTrue(!subscriptions.delete("nachbarstadt", id), "deleted once");
        assertEquals(1, subscriptions.all().stream().filter(subscription -> subscription.id().equals(id)).count());
    }

    @org.junit.jupiter.api.Test
    void theSecondMigrationMakesEntitiesStoredBeforeItFindableByTheirValues() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertOldEntitiesFindable(h2);
        try (TestPostgres fresh = TestPostgres.start()) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(fresh.jdbcUrl());
            pg.setUser(fresh.username());
            assertOldEntitiesFindable(pg);
        }
    }

    /** Data written under schema version 1, then the hub starts with version 2. */
    @ParameterizedTest
    @MethodSource("databases")
    void purgesOnlyTheDeadLettersReceivedBeforeTheCutOffOfTheNamedTenant(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String one = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        // long past, so that a purge of all tenants meets no other test's letters
        Instant now = Instant.parse("2001-06-01T12:00:00Z");
        deadLetterOf(store, one, "old-1", now.minus(Duration.ofDays(40)));
        deadLetterOf(store, one, "new-1", now.minus(Duration.ofDays(2)));
        deadLetterOf(store, other, "old-2", now.minus(Duration.ofDays(35)));
        Instant cutOff = now.minus(Duration.ofDays(30));

        assertEquals(1, store.purgeDeadLetters(cutOff, one));
        assertEquals(List.of("new-1"), deadLetterDevices(store, one));
        assertEquals(List.of("old-2"), deadLetterDevices(store, other));
        // a tenant's name is a bound value, never SQL
        assertEquals(0, store.purgeDeadLetters(cutOff, "x' OR '1' = '1"));
        assertEquals(1, store.purgeDeadLetters(cutOff, null));
        assertEquals(List.of(), deadLetterDevices(store, other));
        assertEquals(List.of("new-1"), deadLetterDevices(store, one));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void listsEntitiesByTenantAndTypeWithWhenTheyWereLastObserved(DataSource database) throws Exception {
        JdbcStore store = JdbcStore.open(database, WINDOW);
        String one = "list-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "list-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        storeTyped(store, one, "IndoorEnvironmentObserved", "freezer-1", null, -18, now.minusSeconds(60));
        storeTyped(store, one, "IndoorEnvironmentObserved", "freezer-1", null, -19, now);
        storeTyped(store, one, "ParkingSpot", "p-7", null, 3, now.minusSeconds(30));
        storeTyped(store, other, "IndoorEnvironmentObserved", "hall", null, 19, now.minusSeconds(10));

        assertEquals(List.of(
                        new EntitySummary(one, "urn:ngsi-ld:IndoorEnvironmentObserved:" + one + ":freezer-1",
                                "IndoorEnvironmentObserved", now),
                        new EntitySummary(one, "urn:ngsi-ld:ParkingSpot:" + one + ":p-7", "ParkingSpot", now.minusSeconds(30))),
                store.reads().entitySummaries(one, null, 10));
        assertEquals(List.of("urn:ngsi-ld:ParkingSpot:" + one + ":p-7"), entityIds(store.reads().entitySummaries(one, "ParkingSpot", 10)));
        assertEquals(List.of("urn:ngsi-ld:IndoorEnvironmentObserved:" + one + ":freezer-1"),
                entityIds(store.reads().entitySummaries(one, null, 1)));
        assertTrue(entityIds(store.reads().entitySummaries(null, "IndoorEnvironmentObserved", 100_000))
                .containsAll(List.of("urn:ngsi-ld:IndoorEnvironmentObserved:" + one + ":freezer-1",
                        "urn:ngsi-ld:IndoorEnvironmentObserved:" + other + ":hall")));
    }

    private static void deadLetterOf(JdbcStore store, String tenant, String device, Instant receivedAt) throws Exception {
        store.deadLetter(new Input(tenant, new Source("lorawan-chirpstack." + tenant, "chirpstack", device, null),
                receivedAt, new byte[] {1, 2}), "unknown device " + device, 64);
    }

    private static List<String> deadLetterDevices(JdbcStore store, String tenant) throws Exception {
        return store.reads().deadLetters(tenant, 50).stream().map(DeadLetter::device).sorted().toList();
    }

    private static List<String> entityIds(List<EntitySummary> entities) {
        return entities.stream().map(EntitySummary::entityId).toList();
    }

    private static void assertOldEntitiesFindable(DataSource database) throws Exception {
        String tenant = "old";
        String urn = new EntityId("IndoorEnvironmentObserved", tenant, "room").urn();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            org.flywaydb.core.Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(database)
                    .locations("classpath:db/migration").table("hub_schema_history")
                    .placeholders(SqlDialect.of(connection).placeholders()).target("1").load().migrate();
            statement.execute("INSERT INTO hub_entity (tenant, entity_id, entity_type, observed_at, entity_json) VALUES ('"
                    + tenant + "', '" + urn + "', 'IndoorEnvironmentObserved', TIMESTAMP WITH TIME ZONE '2026-11-27 10:00:00+00', '{}')");
            for (String[] row : new String[][] {{"09:00:00", "30.0"}, {"10:00:00", "4.5"}}) {
                statement.execute("INSERT INTO hub_observation (tenant, entity_id, entity_type, attribute, observed_at,"
                        + " value_number, source_adapter) VALUES ('" + tenant + "', '" + urn + "', 'IndoorEnvironmentObserved',"
                        + " 'temperature', TIMESTAMP WITH TIME ZONE '2026-11-27 " + row[0] + "+00', " + row[1] + ", 'test')");
            }
        }
        JdbcStore store = JdbcStore.open(database, WINDOW);

        assertEquals(List.of("room"), localIds(query(store, tenant, List.of(List.of(
                condition("temperature", AttributeCondition.Operator.LESS, 10))))));
        assertEquals(List.of(), localIds(query(store, tenant, List.of(List.of(
                condition("temperature", AttributeCondition.Operator.GREATER, 10))))), "the older value is not current");
    }

    /**
     * In Münster: a pentagon around the old town with a hole around the Prinzipalmarkt; its boundary and the hole's
     * belong to it, as PostGIS ST_Covers has it.
     */
    private static void assertRelationsToShapes(JdbcStore store) throws Exception {
        String tenant = "geo-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        storeAt(store, tenant, "schloss", new GeoPoint(7.6136, 51.9636), now);
        storeAt(store, tenant, "bahnhof", new GeoPoint(7.6350, 51.9570), now);
        storeAt(store, tenant, "kuhviertel", new GeoPoint(7.6200, 51.9800), now);
        // on the ray from here lies a vertex of the boundary, which must count once
        storeAt(store, tenant, "kanal", new GeoPoint(7.6400, 51.9700), now);
        storeAt(store, tenant, "ecke", new GeoPoint(7.6000, 51.9400), now);
        storeAt(store, tenant, "lochrand", new GeoPoint(7.6250, 51.9620), now);
        storeAt(store, tenant, "prinzipalmarkt", new GeoPoint(7.6280, 51.9625), now);
        // inside the box around the pentagon, beyond its slanted north-west edge
        storeAt(store, tenant, "kreuzviertel", new GeoPoint(7.6150, 51.9850), now);
        storeAt(store, tenant, "hiltrup", new GeoPoint(7.6350, 51.9050), now);
        storeAt(store, tenant, "ohneort", null, now);
        GeoShape.Polygon oldTown = new GeoShape.Polygon(List.of(
                ring(7.60, 51.94, 7.66, 51.94, 7.67, 51.97, 7.63, 51.99, 7.60, 51.97, 7.60, 51.94),
                ring(7.625, 51.958, 7.635, 51.958, 7.635, 51.966, 7.625, 51.966, 7.625, 51.958)));
        GeoShape.Point castle = new GeoShape.Point(new GeoPoint(7.6136, 51.9636));
        List<String> inside = List.of("bahnhof", "ecke", "kanal", "kuhviertel", "lochrand", "schloss");

        assertEquals(inside, located(store, tenant, GeoRelation.Relation.WITHIN, oldTown));
        assertEquals(inside, located(store, tenant, GeoRelation.Relation.INTERSECTS, oldTown));
        assertEquals(List.of("hiltrup", "kreuzviertel", "prinzipalmarkt"),
                located(store, tenant, GeoRelation.Relation.DISJOINT, oldTown), "entities without a location are nowhere");
        assertEquals(List.of(), located(store, tenant, GeoRelation.Relation.EQUALS, oldTown));
        assertEquals(List.of("schloss"), located(store, tenant, GeoRelation.Relation.INTERSECTS, castle));
        assertEquals(List.of("schloss"), located(store, tenant, GeoRelation.Relation.EQUALS, castle));
        assertEquals(8, located(store, tenant, GeoRelation.Relation.DISJOINT, castle).size());
        assertEquals(6, store.reads().entities(tenant, geo(new GeoRelation(GeoRelation.Relation.WITHIN, oldTown)), 0, 2, true)
                .total());
        assertEquals(List.of(), located(store, "nachbarstadt", GeoRelation.Relation.WITHIN, oldTown));
    }

    private static List<String> located(JdbcStore store, String tenant, GeoRelation.Relation relation, GeoShape shape)
            throws Exception {
        return localIds(store.reads().entities(tenant, geo(new GeoRelation(relation, shape)), 0, 20, false));
    }

    private static EntityFilter geo(GeoCondition condition) {
        return new EntityFilter(Set.of(), Set.of(), null, condition, List.of());
    }

    /** A ring from longitude, latitude pairs. */
    private static List<GeoPoint> ring(double... coordinates) {
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < coordinates.length; i += 2) {
            ring.add(new GeoPoint(coordinates[i], coordinates[i + 1]));
        }
        return ring;
    }

    private static void storeTyped(JdbcStore store, String tenant, String type, String place, GeoPoint location,
                                   double celsius, Instant at) throws Exception {
        Observation observation = new Observation(new EntityId(type, tenant, place), at,
                Map.of("temperature", Property.of(celsius, UnitCodes.DEGREE_CELSIUS)), location,
                new Source("test", "test", place, null));
        store.store(new Input(tenant, observation.source(), at, new byte[] {1}), List.of(observation));
    }

    private static Page<EntityState> query(JdbcStore store, String tenant, List<List<AttributeCondition>> q) throws Exception {
        return store.reads().entities(tenant, new EntityFilter(Set.of(), Set.of(), null, null, q), 0, 10, false);
    }

    private static AttributeCondition condition(String attribute, AttributeCondition.Operator operator, Object value) {
        return new AttributeCondition(attribute, operator, value instanceof Integer i ? i.doubleValue() : value);
    }

    private static void storeAt(JdbcStore store, String tenant, String place, GeoPoint location, Instant at,
                                double celsius, String status) throws Exception {
        Observation observation = new Observation(new EntityId("IndoorEnvironmentObserved", tenant, place), at,
                Map.of("temperature", Property.of(celsius, UnitCodes.DEGREE_CELSIUS), "status", Property.of(status)),
                location, new Source("test", "test", place, null));
        store.store(new Input(tenant, observation.source(), at, new byte[] {1}), List.of(observation));
    }

    private static void storeAt(JdbcStore store, String tenant, String place, GeoPoint location, Instant at) throws Exception {
        Observation observation = new Observation(new EntityId("IndoorEnvironmentObserved", tenant, place), at,
                Map.of("temperature", Property.of(20.0, UnitCodes.DEGREE_CELSIUS), "relativeHumidity", Property.of(50.0, UnitCodes.PERCENT)),
                location, new Source("test", "test", place, null));
        store.store(new Input(tenant, observation.source(), at, new byte[] {1}), List.of(observation));
    }

    private static List<String> localIds(Page<EntityState> page) {
        return page.items().stream().map(entity -> EntityId.parse(entity.id()).localId()).toList();
    }

    private static Input input(String frameCounter, Instant receivedAt) {
        return new Input("musterstadt", new Source("lorawan-chirpstack.musterstadt", "chirpstack", "a840410001811234",
                "fcnt:" + frameCounter), receivedAt, new byte[] {1});
    }

    private static EntityId entity(String room) {
        return new EntityId("IndoorEnvironmentObserved", "musterstadt", room);
    }

    private static Observation reading(String room, double celsius, Instant at) {
        return new Observation(entity(room), at, Map.of("temperature", Property.of(celsius, UnitCodes.DEGREE_CELSIUS),
                "relativeHumidity", Property.of(80.0, UnitCodes.PERCENT)), new GeoPoint(7.62, 51.96),
                new Source("lorawan-chirpstack.musterstadt", "chirpstack", "a840410001811234", null));
    }

    private static String entityJson(DataSource database, String room) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT entity_json FROM hub_entity WHERE entity_id = '"
                     + entity(room).urn() + "'")) {
            assertTrue(result.next());
            return result.getString(1);
        }
    }
}
