package io.urbanhub.distribution;

import static io.urbanhub.distribution.InContainer.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.admin.AdapterCounts;
import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.admin.AdapterStatistics;

/**
 * Inside the distribution users start, on PostgreSQL as a municipality runs it: ChirpStack v4 uplinks
 * through a real MQTT broker into the store, read back through every NGSI-LD endpoint, subscribers
 * notified over HTTP and MQTT, a tenant moved from ChirpStack to The Things Stack, bad input into dead letters while good uplinks flow, the demo on embedded defaults,
 * a broken configuration shown on the console, and the adapter stopped and started alone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class LorawanPipelineIT {

    private static final String PID = "io.urbanhub.route.lorawan.chirpstack";
    private static final String INSTANCE = "lorawan-chirpstack.itcity";
    private static final String DEV_EUI = "a8404100018100aa";
    private static final String ENTITY = "urn:ngsi-ld:IndoorEnvironmentObserved:itcity:canteen-cold-room";
    private static final byte[] LHT65_VECTOR = NetworkServerUplinks.LHT65_VECTOR;
    private static final String APPLICATION = UUID.randomUUID().toString();

    @Inject
    BundleContext bundleContext;

    @Inject
    FeaturesService features;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AdapterStatistics statistics;

    @Inject
    AdapterInstances instances;

    @Configuration
    public Option[] distribution() throws Exception {
        List<Option> extra = new ArrayList<>(List.of(DriverPostgres.storeOptions()));
        extra.add(systemProperty(Distribution.SUBSCRIBER_PROPERTY).value(DriverSubscriber.url()));
        extra.addAll(List.of(DriverIdentityProvider.options()));
        extra.addAll(List.of(DriverTls.options()));
        // an operator of the JAAS realm, given the admin role directly
        extra.add(editConfigurationFilePut("etc/users.properties", "it-operator", "it-secret,admin"));
        extra.add(editConfigurationFilePut("etc/io.urbanhub.rest.security.cfg", "publicTypes", "demo/IndoorEnvironmentObserved"));
        return Distribution.options(extra.toArray(Option[]::new));
    }

    @Test
    public void a_aChirpStackUplinkThroughTheRealBrokerIsDecodedIntoTheStoreOnce() throws Exception {
        startItcityInstance();
        publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 1));

        await("the decoded uplink in the store", () -> values("fcnt:1").size() == 5);
        Map<String, Object> values = values("fcnt:1");
        assertEquals(28.29, values.get("temperature CEL"));
        assertEquals(88.6, values.get("relativeHumidity P1"));
        assertEquals(27.81, values.get("externalTemperature CEL"));
        assertEquals(3.062, values.get("batteryVoltage VLT"));
        assertEquals("good", values.get("batteryStatus"));
        assertTrue(entityJson().contains("\"temperature\":{\"type\":\"Property\",\"value\":28.29,\"unitCode\":\"CEL\""));

        publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 1));
        await("the redelivered uplink to count as duplicate", () -> counts().duplicates() == 1);
        assertEquals(5, values("fcnt:1").size());
    }

    @Test
    public void b_badUplinksBecomeDeadLettersWithReasonsWhileGoodOnesFlow() throws Exception {
        startItcityInstance();
        publish("{\"deviceInfo\": ".getBytes(StandardCharsets.UTF_8));
        publish(uplink("ffffffffffff0001", 2, LHT65_VECTOR, 7));
        publish(uplink(DEV_EUI, 2, new byte[] {1, 2, 3}, 8));
        publish(uplink(DEV_EUI, 42, LHT65_VECTOR, 9));
        publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 10));

        await("four dead letters", () -> deadLetterReasons().size() == 4);
        List<String> reasons = deadLetterReasons();
        assertTrue(reasons.toString(), reasons.get(0).startsWith("malformed JSON"));
        assertEquals("unknown device ffffffffffff0001", reasons.get(1));
        assertEquals("dragino-lht65 decoder: LHT65 payload has 3 bytes, expected 11", reasons.get(2));
        assertTrue(reasons.get(3), reasons.get(3).startsWith("dragino-lht65 decoder: unknown FPort 42"));
        await("the good uplink after them", () -> values("fcnt:10").size() == 5);
        assertEquals(4, counts().deadLetters());
        String console = Console.execute(sessionFactory, "hub:deadletters --tenant itcity --no-format");
        assertTrue(console, console.contains("unknown device ffffffffffff0001"));
    }

    @Test
    public void c_theDemoStoresSimulatedLht65ReadingsWithoutAnyServiceOutside() throws Exception {
        await("simulated readings of the demo tenant in the store", () -> count(
                "SELECT COUNT(*) FROM hub_observation WHERE tenant = 'demo' AND attribute = 'temperature'") >= 3);
        String observations = Console.execute(sessionFactory, "hub:observations --tenant demo --no-format -n 5");
        assertTrue(observations, observations.contains("urn:ngsi-ld:IndoorEnvironmentObserved:demo:"));
    }

    @Test
    public void d_aBrokenConfigurationStartsNoRouteAndSaysWhyOnTheConsole() throws Exception {
        Path config = etc().resolve(PID + "-broken.cfg");
        Files.writeString(config, "tenant = Bad Town\nbrokerUrl = " + System.getProperty(Distribution.BROKER_PROPERTY) + "\n");
        try {
            await("the broken instance to fail", () -> state("lorawan-chirpstack.broken").equals("FAILED"));
            assertTrue(new InContainer(bundleContext).context("lorawan-chirpstack.broken").isEmpty());
            String adapters = Console.execute(sessionFactory, "hub:adapters --no-format");
            assertTrue(adapters, adapters.lines().anyMatch(line -> line.startsWith("lorawan-chirpstack.broken")
                    && line.contains("FAILED") && line.contains("Tenant 'Bad Town'")));
        } finally {
            Files.delete(config);
        }
    }

    @Test
    public void e_stoppingOrUninstallingTheAdapterStopsExactlyItsRoutes() throws Exception {
        startItcityInstance();
        InContainer hub = new InContainer(bundleContext);
        CamelContext heartbeat = hub.awaitRunning("mqtt-heartbeat.demo");
        Bundle adapter = hub.bundle("io.urbanhub.route.lorawan.chirpstack");

        adapter.stop();
        hub.awaitGone(INSTANCE);
        hub.awaitGone("lorawan-chirpstack.demo");
        adapter.start();
        hub.awaitRunning(INSTANCE);

        features.uninstallFeature("hub-route-lorawan-chirpstack");
        hub.awaitGone(INSTANCE);
        features.installFeature("hub-route-lorawan-chirpstack");
        hub.awaitRunning(INSTANCE);
        publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 11));
        await("uplinks to flow again", () -> values("fcnt:11").size() == 5);
        assertSame("other adapters ran on", heartbeat, hub.context("mqtt-heartbeat.demo").orElseThrow());
    }

    @Test
    public void f_storedObservationsAreRepublishedAsNormalizedNgsiLd() throws Exception {
        List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        MqttClient consumer = new MqttClient(System.getProperty(Distribution.DEMO_BROKER_PROPERTY), "consumer-it-" + UUID.randomUUID(), new MemoryPersistence());
        consumer.connect();
        try {
            consumer.subscribe("hub/demo/IndoorEnvironmentObserved/#", 0, (topic, message) ->
                    received.add(new String[] {topic, new String(message.getPayload(), StandardCharsets.UTF_8)}));
            await("a republished demo observation", () -> !received.isEmpty());
        } finally {
            consumer.disconnect();
            consumer.close();
        }
        String topic = received.get(0)[0];
        com.fasterxml.jackson.databind.JsonNode entity = new ObjectMapper().readTree(received.get(0)[1]);
        assertTrue(entity.get("id").asText().startsWith("urn:ngsi-ld:IndoorEnvironmentObserved:demo:"));
        assertEquals("hub/demo/IndoorEnvironmentObserved/" + entity.get("id").asText(), topic);
        assertEquals("Property", entity.at("/temperature/type").asText());
        assertEquals("CEL", entity.at("/temperature/unitCode").asText());
        assertEquals("Point", entity.at("/location/value/type").asText());
    }

    @Test
    public void g_theNgsiLdApiServesTheDecodedEntityToItsTenantOnly() throws Exception {
        startItcityInstance();
        publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 12));
        await("the uplink in the store", () -> values("fcnt:12").size() == 5);

        HttpResponse<String> entity = get("/ngsi-ld/v1/entities/" + ENTITY, "itcity", "application/json");
        assertEquals(200, entity.statusCode());
        com.fasterxml.jackson.databind.JsonNode json = new ObjectMapper().readTree(entity.body());
        assertEquals("IndoorEnvironmentObserved", json.get("type").asText());
        assertEquals(28.29, json.at("/temperature/value").asDouble(), 0.0);
        assertEquals("CEL", json.at("/temperature/unitCode").asText());
        assertTrue(entity.headers().firstValue("Link").orElse("").contains("ngsi-ld-core-context"));

        HttpResponse<String> query = get("/ngsi-ld/v1/entities?type=IndoorEnvironmentObserved&count=true&options=keyValues",
                "itcity", "application/ld+json");
        assertEquals("1", query.headers().firstValue("NGSILD-Results-Count").orElse(""));
        assertEquals(88.6, new ObjectMapper().readTree(query.body()).get(0).get("relativeHumidity").asDouble(), 0.0);

        HttpResponse<String> temporal = get("/ngsi-ld/v1/temporal/entities/" + ENTITY + "?attrs=temperature&lastN=2",
                "itcity", "application/json");
        com.fasterxml.jackson.databind.JsonNode history = new ObjectMapper().readTree(temporal.body());
        assertEquals(2, history.get("temperature").size());
        assertEquals(28.29, history.at("/temperature/1/value").asDouble(), 0.0);
        assertTrue(history.has("temperature") && !history.has("relativeHumidity"));

        HttpResponse<String> warm = get("/ngsi-ld/v1/entities?type=IndoorEnvironmentObserved&q=temperature%3E28;relativeHumidity%3C=90",
                "itcity", "application/json");
        assertEquals(warm.body(), 1, new ObjectMapper().readTree(warm.body()).size());
        HttpResponse<String> hot = get("/ngsi-ld/v1/entities?type=IndoorEnvironmentObserved&q=temperature%3E30",
                "itcity", "application/json");
        assertEquals(0, new ObjectMapper().readTree(hot.body()).size());

        HttpResponse<String> daily = get("/ngsi-ld/v1/temporal/entities/" + ENTITY
                + "?attrs=temperature&aggrMethods=avg,totalCount&aggrPeriodDuration=P1D", "itcity", "application/json");
        com.fasterxml.jackson.databind.JsonNode aggregated = new ObjectMapper().readTree(daily.body());
        assertEquals(daily.body(), 28.29, aggregated.at("/temperature/avg/0/0").asDouble(), 0.001);
        assertTrue(daily.body(), aggregated.at("/temperature/totalCount/0/0").asLong() >= 2);

        HttpResponse<String> near = get("/ngsi-ld/v1/entities?georel=near;maxDistance==100&geometry=Point&coordinates=%5B7.6301,51.9601%5D",
                "itcity", "application/json");
        assertEquals(near.body(), 1, new ObjectMapper().readTree(near.body()).size());
        HttpResponse<String> far = get("/ngsi-ld/v1/entities?georel=near;maxDistance==100&geometry=Point&coordinates=%5B7.70,51.96%5D",
                "itcity", "application/json");
        assertEquals(0, new ObjectMapper().readTree(far.body()).size());
        assertTrue(get("/ngsi-ld/v1/types", "itcity", "application/json").body().contains("\"IndoorEnvironmentObserved\""));
        assertTrue(get("/ngsi-ld/v1/attributes", "itcity", "application/json").body().contains("\"relativeHumidity\""));
        HttpResponse<String> series = get("/ngsi-ld/v1/temporal/entities?type=IndoorEnvironmentObserved&q=temperature%3E28"
                + "&attrs=temperature&options=temporalValues&count=true", "itcity", "application/json");
        assertEquals(series.body(), 200, series.statusCode());
        assertEquals("1", series.headers().firstValue("NGSILD-Results-Count").orElse(""));
        assertEquals(28.29, new ObjectMapper().readTree(series.body()).at("/0/temperature/values/0/0").asDouble(), 0.0);
        HttpResponse<String> listed = get("/ngsi-ld/v1/entities?type=IndoorEnvironmentObserved"
                + "&q=(temperature%3E40%7CrelativeHumidity==80..90);batteryStatus==%22good%22,%22low%22", "itcity", "application/json");
        assertEquals(listed.body(), 1, new ObjectMapper().readTree(listed.body()).size());

        HttpResponse<String> otherTenant = get("/ngsi-ld/v1/entities/" + ENTITY, "demo", "application/json");
        assertEquals(404, otherTenant.statusCode());
        assertTrue(otherTenant.body().contains("https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound"));
        assertEquals(400, get("/ngsi-ld/v1/entities", "itcity", "application/json").statusCode());
        assertEquals("3.0.3", new ObjectMapper().readTree(get("/ngsi-ld/v1/openapi.json", "itcity", "application/json").body())
                .get("openapi").asText());
    }

    @Test
    public void h_openTypesAreExportedAsGeoJsonAndCsvAndNothingElse() throws Exception {
        await("demo readings in the store", () -> count(
                "SELECT COUNT(*) FROM hub_entity WHERE tenant = 'demo'") >= 3);
        HttpResponse<String> geoJson = get("/opendata/demo/IndoorEnvironmentObserved.geojson", "demo", "*/*");
        assertEquals(200, geoJson.statusCode());
        com.fasterxml.jackson.databind.JsonNode collection = new ObjectMapper().readTree(geoJson.body());
        assertEquals("dl-de/by-2-0", collection.get("license").asText());
        assertEquals(3, collection.get("features").size());
        assertEquals("CEL", collection.at("/features/0/properties/temperature_unitCode").asText());
        assertTrue(geoJson.headers().firstValue("Link").orElse("").contains("rel=\"license\""));

        HttpResponse<String> values = get("/opendata/demo/IndoorEnvironmentObserved/values.csv?from="
                + java.time.Instant.now().minusSeconds(3600), "demo", "*/*");
        assertEquals("id,attribute,observedAt,value,unitCode", values.body().lines().findFirst().orElse(""));
        assertTrue(values.body().lines().count() > 3);

        assertEquals(404, get("/opendata/itcity/IndoorEnvironmentObserved.geojson", "itcity", "*/*").statusCode());
    }

    @Test
    public void i_subscribersAreNotifiedOverHttpAndMqtt() throws Exception {
        startItcityInstance();
        String subscriber = System.getProperty(Distribution.SUBSCRIBER_PROPERTY);
        String topic = "itcity/alerts/" + UUID.randomUUID();
        HttpResponse<String> viaHttp = send("POST", "/ngsi-ld/v1/subscriptions", "itcity", "{\"type\":\"Subscription\","
                + "\"entities\":[{\"type\":\"IndoorEnvironmentObserved\",\"idPattern\":\".*canteen.*\"}],"
                + "\"q\":\"temperature>25\",\"notification\":{\"attributes\":[\"temperature\"],"
                + "\"endpoint\":{\"uri\":\"" + subscriber + "/notify\"}}}");
        assertEquals(viaHttp.body(), 201, viaHttp.statusCode());
        String httpSubscription = viaHttp.headers().firstValue("Location").orElseThrow().replaceAll(".*/subscriptions/", "");
        String mqttUri = System.getProperty(Distribution.DEMO_BROKER_PROPERTY).replace("tcp://", "mqtt://") + "/" + topic;
        assertEquals(201, send("POST", "/ngsi-ld/v1/subscriptions", "itcity", "{\"type\":\"Subscription\","
                + "\"watchedAttributes\":[\"temperature\"],\"notification\":{\"format\":\"keyValues\","
                + "\"endpoint\":{\"uri\":\"" + mqttUri + "\"}}}").statusCode());
        assertEquals(400, send("POST", "/ngsi-ld/v1/subscriptions", "itcity", "{\"type\":\"Subscription\"}").statusCode());
        assertEquals(2, new ObjectMapper().readTree(get("/ngsi-ld/v1/subscriptions", "itcity", "application/json").body()).size());
        assertEquals(0, new ObjectMapper().readTree(get("/ngsi-ld/v1/subscriptions", "demo", "application/json").body()).size());

        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        MqttClient listener = new MqttClient(System.getProperty(Distribution.DEMO_BROKER_PROPERTY), "subscriber-it-" + UUID.randomUUID(),
                new MemoryPersistence());
        listener.connect();
        try {
            listener.subscribe(topic, 1, (t, message) -> messages.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 20));
            await("an MQTT notification", () -> !messages.isEmpty());
        } finally {
            listener.disconnect();
            listener.close();
        }
        com.fasterxml.jackson.databind.JsonNode onTopic = new ObjectMapper().readTree(messages.get(0));
        assertEquals(ENTITY, onTopic.at("/body/data/0/id").asText());
        assertEquals(28.29, onTopic.at("/body/data/0/temperature").asDouble(), 0.0);

        await("an HTTP notification", () -> received(httpSubscription).size() > 0);
        com.fasterxml.jackson.databind.JsonNode notification = received(httpSubscription).get(0);
        assertEquals("Notification", notification.get("type").asText());
        assertEquals(28.29, notification.at("/data/0/temperature/value").asDouble(), 0.0);
        assertTrue("only the asked attributes", notification.at("/data/0/relativeHumidity").isMissingNode());
        await("the delivery on the subscription", () -> new ObjectMapper().readTree(get("/ngsi-ld/v1/subscriptions/"
                + httpSubscription, "itcity", "application/json").body()).at("/notification/status").asText().equals("ok"));

        assertEquals(204, send("DELETE", "/ngsi-ld/v1/subscriptions/" + httpSubscription, "itcity", null).statusCode());
        assertEquals(404, get("/ngsi-ld/v1/subscriptions/" + httpSubscription, "itcity", "application/json").statusCode());
    }

    @Test
    public void j_aTenantMovesFromChirpStackToTheThingsStackAndKeepsItsEntities() throws Exception {
        String devEui = "a8404100018100bb";
        String entity = "urn:ngsi-ld:IndoorEnvironmentObserved:swapcity:depot-freezer";
        String application = "swap-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(etc().resolve("urbanhub/devices.csv"), devEui + ",dragino-lht65,swapcity,IndoorEnvironmentObserved,"
                + "depot-freezer,7.64,51.95,Tiefkühlraum Bauhof\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path chirpstackConfig = etc().resolve(PID + "-swapcity.cfg");
        Files.writeString(chirpstackConfig, String.join("\n", "tenant = swapcity",
                "brokerUrl = " + System.getProperty(Distribution.BROKER_PROPERTY),
                "topic = application/" + application + "/device/+/event/up", ""));
        InContainer hub = new InContainer(bundleContext);
        hub.awaitRunning("lorawan-chirpstack.swapcity");
        Thread.sleep(2_500); // the device registry looks at its file every 2 s
        publish("application/" + application + "/device/" + devEui + "/event/up", uplink(devEui, 2, LHT65_VECTOR, 40));
        await("the uplink through ChirpStack", () -> values("swapcity", entity, "fcnt:40").size() == 5);

        Files.delete(chirpstackConfig);
        features.uninstallFeature("hub-route-lorawan-chirpstack");
        hub.awaitGone("lorawan-chirpstack.swapcity");
        features.installFeature("hub-route-lorawan-tts");
        Path ttsConfig = etc().resolve("io.urbanhub.route.lorawan.tts-swapcity.cfg");
        Files.writeString(ttsConfig, String.join("\n", "tenant = swapcity",
                "brokerUrl = " + System.getProperty(Distribution.BROKER_PROPERTY),
                "topic = v3/" + application + "@swapcity/devices/+/up", "webhookSecret = it-secret", ""));
        try {
            hub.awaitRunning("lorawan-tts.swapcity");
            publish("v3/" + application + "@swapcity/devices/depot-freezer/up", ttsUplink(devEui, 2, LHT65_VECTOR, 41));
            await("the uplink through The Things Stack", () -> values("swapcity", entity, "fcnt:41").size() == 5);
            assertEquals("the same entity with the same values", values("swapcity", entity, "fcnt:40"),
                    values("swapcity", entity, "fcnt:41"));

            String webhook = System.getProperty(Distribution.HTTP_PROPERTY) + "/lorawan-tts/swapcity/uplink";
            await("the webhook receiver", () -> post(webhook, "wrong", ttsUplink(devEui, 2, LHT65_VECTOR, 42)).statusCode() == 401);
            assertEquals(204, post(webhook, "it-secret", ttsUplink(devEui, 2, LHT65_VECTOR, 42)).statusCode());
            assertEquals(5, values("swapcity", entity, "fcnt:42").size());
            assertEquals("a duplicate", 202, post(webhook, "it-secret", ttsUplink(devEui, 2, LHT65_VECTOR, 42)).statusCode());
        } finally {
            Files.delete(ttsConfig);
            features.uninstallFeature("hub-route-lorawan-tts");
            features.installFeature("hub-route-lorawan-chirpstack");
            hub.awaitRunning("lorawan-chirpstack.demo");
        }
    }

    @Test
    public void k_anUnknownDeviceIsOnboardedFromTheConsoleAndItsUplinkReplayed() throws Exception {
        startItcityInstance();
        String devEui = "a8404100018100cc";
        String entity = "urn:ngsi-ld:IndoorEnvironmentObserved:itcity:boiler-room";
        publish("application/" + APPLICATION + "/device/" + devEui + "/event/up", uplink(devEui, 2, LHT65_VECTOR, 50));
        String reason = "unknown device " + devEui;
        await("the dead letter of the unknown device", () -> deadLetterReasons().contains(reason));

        String listed = Console.execute(sessionFactory, "hub:deadletters --tenant itcity --reason \"" + reason + "\" --no-format");
        List<String> rows = listed.lines().filter(line -> line.contains(reason)).toList();
        assertEquals(listed, 1, rows.size());
        String id = rows.get(0).trim().split("\\s+")[0];

        String added = Console.execute(sessionFactory, "hub:device-add --longitude 7.61 --latitude 51.95 --name Heizraum "
                + devEui + " dragino-lht65 itcity IndoorEnvironmentObserved boiler-room");
        assertTrue(added, added.contains(entity));
        assertTrue(Console.execute(sessionFactory, "hub:devices --tenant itcity --no-format").contains(devEui));

        String replayed = Console.execute(sessionFactory, "hub:deadletter-replay " + id);
        assertTrue(replayed, replayed.contains("replayed through " + INSTANCE));
        assertEquals(5, values("itcity", entity, "fcnt:50").size());
        assertTrue("the dead letter is gone", !deadLetterReasons().contains(reason));
    }

    @Test
    public void l_aDownlinkQueuedOnTheConsoleReachesTheNetworkServersTopic() throws Exception {
        startItcityInstance();
        List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        MqttClient chirpstack = new MqttClient(System.getProperty(Distribution.BROKER_PROPERTY), "chirpstack-down-" + UUID.randomUUID(),
                new MemoryPersistence());
        chirpstack.connect();
        try {
            chirpstack.subscribe("application/+/device/" + DEV_EUI + "/command/down", 1,
                    (topic, message) -> commands.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            String refused;
            try {
                refused = "queued: " + Console.execute(sessionFactory, "hub:downlink " + INSTANCE + " " + DEV_EUI + " 0 01");
            } catch (IllegalArgumentException e) {
                refused = e.getMessage();
            }
            assertTrue(refused, refused.startsWith("Not queued: The port of a downlink is 1 to 223"));

            publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 60));
            await("the uplink that tells the downlink topic", () -> values("fcnt:60").size() == 5);
            String queued = Console.execute(sessionFactory, "hub:downlink --confirmed " + INSTANCE + " " + DEV_EUI + " 10 0100");
            assertTrue(queued, queued.contains("Queued 2 bytes on port 10"));
            await("the downlink on ChirpStack's command topic", () -> !commands.isEmpty());
        } finally {
            chirpstack.disconnect();
            chirpstack.close();
        }
        com.fasterxml.jackson.databind.JsonNode command = new ObjectMapper().readTree(commands.get(0));
        assertEquals(DEV_EUI, command.get("devEui").asText());
        assertEquals(10, command.get("fPort").asInt());
        assertTrue(command.get("confirmed").asBoolean());
        assertEquals("AQA=", command.get("data").asText());
    }

    private static byte[] ttsUplink(String devEui, int port, byte[] data, long frameCounter) throws Exception {
        return NetworkServerUplinks.theThingsStack(devEui, port, data, frameCounter);
    }

    private static HttpResponse<String> post(String url, String secret, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("X-Webhook-Secret", secret)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The notifications of one subscription that the driver's endpoint took. */
    private static List<com.fasterxml.jackson.databind.JsonNode> received(String subscriptionId) throws Exception {
        HttpResponse<String> all = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(System.getProperty(Distribution.SUBSCRIBER_PROPERTY) + "/received")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<com.fasterxml.jackson.databind.JsonNode> mine = new ArrayList<>();
        new ObjectMapper().readTree(all.body()).forEach(notification -> {
            if (notification.path("subscriptionId").asText().equals(subscriptionId)) {
                mine.add(notification);
            }
        });
        return mine;
    }

    private static HttpResponse<String> send(String method, String path, String tenant, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty(Distribution.HTTP_PROPERTY) + path))
                .header("NGSILD-Tenant", tenant).header("X-API-Key", Distribution.apiKey(tenant))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the headers given as name, value pairs and no others. */
    private static HttpResponse<String> request(String path, String tenant, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(System.getProperty(Distribution.HTTP_PROPERTY) + path))
                .header("NGSILD-Tenant", tenant).header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, String tenant, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty(Distribution.HTTP_PROPERTY) + path))
                .header("NGSILD-Tenant", tenant).header("X-API-Key", Distribution.apiKey(tenant))
                .header("Accept", accept).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void startItcityInstance() throws Exception {
        Path devices = etc().resolve("urbanhub/devices.csv");
        if (!Files.readString(devices).contains(DEV_EUI)) {
            Files.writeString(devices, DEV_EUI + ",dragino-lht65,itcity,IndoorEnvironmentObserved,canteen-cold-room,7.63,51.96,"
                    + "Kühlraum Kantine\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        Path config = etc().resolve(PID + "-itcity.cfg");
        if (!Files.exists(config)) {
            Files.writeString(config, String.join("\n", "tenant = itcity",
                    "brokerUrl = " + System.getProperty(Distribution.BROKER_PROPERTY),
                    "topic = application/" + APPLICATION + "/device/+/event/up",
                    "clientId = urbanhub-it-" + APPLICATION, ""));
        }
        new InContainer(bundleContext).awaitRunning(INSTANCE);
        Thread.sleep(2_500); // the device registry looks at its file every 2 s
    }

    private static Path etc() {
        return Path.of(System.getProperty("karaf.etc"));
    }

    private static byte[] uplink(String devEui, int port, byte[] data, long frameCounter) throws Exception {
        return NetworkServerUplinks.chirpStack(devEui, port, data, frameCounter);
    }

    private static void publish(byte[] payload) throws Exception {
        publish("application/" + APPLICATION + "/device/" + DEV_EUI + "/event/up", payload);
    }

    private static void publish(String topic, byte[] payload) throws Exception {
        MqttClient networkServer = new MqttClient(System.getProperty(Distribution.BROKER_PROPERTY),
                "network-server-it-" + UUID.randomUUID(), new MemoryPersistence());
        networkServer.connect();
        try {
            networkServer.publish(topic, payload, 1, false);
        } finally {
            networkServer.disconnect();
            networkServer.close();
        }
    }

    private AdapterCounts counts() {
        return statistics.counts().getOrDefault(INSTANCE, new AdapterCounts(0, 0, 0, 0, null));
    }

    private String state(String instance) {
        return instances.instances().stream().filter(status -> status.name().equals(instance))
                .map(AdapterInstanceStatus::state).findFirst().orElse("ABSENT");
    }

    private DataSource store() {
        try {
            return bundleContext.getService(bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=urbanhub)")
                    .iterator().next());
        } catch (Exception e) {
            throw new AssertionError("No DataSource urbanhub", e);
        }
    }

    /** "attribute unit" → value of the stored observations of one uplink of the test device. */
    private Map<String, Object> values(String messageId) {
        return values("itcity", ENTITY, messageId);
    }

    private Map<String, Object> values(String tenant, String entity, String messageId) {
        Map<String, Object> values = new LinkedHashMap<>();
        try (Connection connection = store().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT attribute, unit_code, value_number, value_text FROM hub_observation"
                        + " WHERE tenant = ? AND entity_id = ? AND message_id = ?")) {
            query.setString(1, tenant);
            query.setString(2, entity);
            query.setString(3, messageId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1) + (rows.getString(2) == null ? "" : " " + rows.getString(2));
                    values.put(key, rows.getString(4) != null ? rows.getString(4) : (Object) rows.getDouble(3));
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return values;
    }

    private String entityJson() throws Exception {
        try (Connection connection = store().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT entity_json FROM hub_entity WHERE entity_id = ?")) {
            query.setString(1, ENTITY);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private List<String> deadLetterReasons() {
        List<String> reasons = new ArrayList<>();
        try (Connection connection = store().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT reason FROM hub_dead_letter WHERE adapter = ? ORDER BY id")) {
            query.setString(1, INSTANCE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reasons.add(rows.getString(1));
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return reasons;
    }

    private long count(String sql) {
        try (Connection connection = store().getConnection(); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void m_theApiAnswersOnlyCallersWithAGrantForTheTenantAndType() throws Exception {
        startItcityInstance();
        publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 40));
        await("the uplink in the store", () -> values("fcnt:40").size() == 5);
        String entity = "/ngsi-ld/v1/entities/" + ENTITY;

        HttpResponse<String> anonymous = request(entity, "itcity");
        assertEquals(anonymous.body(), 401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").contains("Bearer"));
        assertEquals(401, request(entity, "itcity", "X-API-Key", "ititcity.not-the-key").statusCode());
        assertEquals(403, request(entity, "itcity", "X-API-Key", Distribution.apiKey("demo")).statusCode());
        assertEquals(200, request(entity, "itcity", "X-API-Key", Distribution.apiKey("itcity")).statusCode());

        // the operators' realm, as the console and SSH use it
        assertEquals(200, request(entity, "itcity", "Authorization", basic("it-operator", "it-secret")).statusCode());
        assertEquals(401, request(entity, "itcity", "Authorization", basic("it-operator", "wrong")).statusCode());

        // bearer tokens of the identity provider, checked against its keys from the configured JWKS
        String reader = DriverIdentityProvider.token("app-1", List.of("itcity:read", "offline_access"),
                Instant.now().plusSeconds(300));
        assertEquals(200, request(entity, "itcity", "Authorization", "Bearer " + reader).statusCode());
        assertEquals(403, request("/ngsi-ld/v1/subscriptions", "itcity", "Authorization", "Bearer " + reader).statusCode());
        String demoReader = DriverIdentityProvider.token("app-2", List.of("demo:read"), Instant.now().plusSeconds(300));
        assertEquals(403, request(entity, "itcity", "Authorization", "Bearer " + demoReader).statusCode());
        String expired = DriverIdentityProvider.token("app-1", List.of("itcity:read"), Instant.now().minusSeconds(600));
        HttpResponse<String> refused = request(entity, "itcity", "Authorization", "Bearer " + expired);
        assertEquals(refused.body(), 401, refused.statusCode());

        // a key for one type reaches that type only
        String issued = Console.execute(sessionFactory,
                "hub:apikey-add --access read --types WeatherObserved --description it-weather itcity");
        String secret = issued.lines().filter(line -> line.matches("[0-9a-f]{12}\\.[A-Za-z0-9_-]{43}")).findFirst()
                .orElseThrow(() -> new AssertionError(issued));
        assertEquals(403, request(entity, "itcity", "X-API-Key", secret).statusCode());
        HttpResponse<String> narrowed = request("/ngsi-ld/v1/entities?idPattern=.*", "itcity", "X-API-Key", secret);
        assertEquals(narrowed.body(), "[]", narrowed.body());
        String id = secret.substring(0, secret.indexOf('.'));
        String listed = Console.execute(sessionFactory, "hub:apikeys --tenant itcity --no-format");
        assertTrue(listed, listed.contains(id) && listed.contains("WeatherObserved") && !listed.contains(secret));
        assertTrue(Console.execute(sessionFactory, "hub:apikey-remove " + id).contains("API key " + id + " revoked"));
        assertEquals(401, request("/ngsi-ld/v1/entities?idPattern=.*", "itcity", "X-API-Key", secret).statusCode());

        // a public type is read by anybody, and nothing else of that tenant
        HttpResponse<String> open = request("/ngsi-ld/v1/entities?type=IndoorEnvironmentObserved", "demo");
        assertEquals(open.body(), 200, open.statusCode());
        assertEquals(401, request("/ngsi-ld/v1/subscriptions", "demo").statusCode());
    }

        @Test
    public void n_theApiIsServedOverTlsWithTheConfiguredServerCertificate() throws Exception {
        startItcityInstance();
        publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 41));
        await("the uplink in the store", () -> values("fcnt:41").size() == 5);
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty(DriverTls.HTTPS_PROPERTY)
                        + "/ngsi-ld/v1/entities/" + ENTITY))
                .header("NGSILD-Tenant", "itcity").header("X-API-Key", Distribution.apiKey("itcity")).GET().build();

        HttpResponse<String> overTls = InContainer.trustingTestCa().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(overTls.body(), 200, overTls.statusCode());
        assertTrue(overTls.sslSession().orElseThrow().getPeerCertificates()[0].toString().contains("CN=127.0.0.1"));
        try {
            // the JDK's own trust store does not hold the test's CA
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("a client that does not trust the CA connected");
        } catch (javax.net.ssl.SSLHandshakeException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("PKIX"));
        }
    }

        @Test
    public void z_metricsShowEachInstancesInputsPerTenantCamelsRoutesAndTheJvmAndHealthListsTheAdapters() throws Exception {
        startItcityInstance();
        publish(uplink(DEV_EUI, 2, LHT65_VECTOR, 70));
        await("the uplink", () -> values("fcnt:70").size() == 5);
        String base = System.getProperty(Distribution.HTTP_PROPERTY);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String metrics = scrape.body();
        String itcity = "instance=\"itcity\"";
        assertTrue(metrics, sample(metrics, "urbanhub_adapter_inputs_total", itcity, "tenant=\"itcity\"", "outcome=\"stored\"") >= 1);
        assertTrue(metrics, sample(metrics, "urbanhub_adapter_inputs_total", itcity, "tenant=\"itcity\"", "outcome=\"dead_letter\"") >= 1);
        assertTrue(metrics, sample(metrics, "urbanhub_adapter_inputs_total", "adapter=\"lorawan-chirpstack\"",
                "instance=\"demo\"", "tenant=\"demo\"", "outcome=\"stored\"") >= 1);
        assertTrue(metrics, sample(metrics, "urbanhub_store_latency_seconds_count", itcity) >= 1);
        assertTrue(metrics, sample(metrics, "urbanhub_store_latency_seconds_bucket", itcity, "le=\"+Inf\"") >= 1);
        assertTrue(metrics, metrics.contains("\nurbanhub_store_buffer_depth "));
        assertTrue(metrics, sample(metrics, "jvm_memory_used_bytes", "area=\"heap\"") > 0);
        assertTrue(metrics, sample(metrics, "jvm_threads_live_threads") > 0);
        assertTrue(metrics, sample(metrics, "camel_exchanges_total", itcity, "camelContext=\"" + INSTANCE + "\"") >= 1);

        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.JsonNode health = new ObjectMapper().readTree(ready.body());
        assertEquals(ready.body(), 200, ready.statusCode());
        assertEquals("UP", health.at("/status").asText());
        assertEquals("UP", health.at("/store/status").asText());
        Map<String, String> adapters = new LinkedHashMap<>();
        health.at("/adapters/instances").forEach(instance -> adapters.put(instance.get("name").asText(), instance.get("status").asText()));
        assertEquals(ready.body(), "UP", adapters.get(INSTANCE));
        assertEquals(ready.body(), "UP", adapters.get("lorawan-chirpstack.demo"));
        assertEquals(ready.body(), "UP", adapters.get("mqtt-heartbeat.demo"));
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /** The sum of a metric's samples whose labels include the given ones, in the Prometheus text format. */
    private static double sample(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
