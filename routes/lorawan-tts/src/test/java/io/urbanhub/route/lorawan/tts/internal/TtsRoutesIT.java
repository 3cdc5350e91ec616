package io.urbanhub.route.lorawan.tts.internal;

import static io.urbanhub.lorawan.LorawanFakes.LHT65_DEV_EUI;
import static io.urbanhub.lorawan.LorawanFakes.LHT65_VECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.spi.Downlink;
import io.urbanhub.lorawan.LorawanFakes;
import io.urbanhub.testing.TestMqttBroker;

class TtsRoutesIT {

    @Test
    void uplinksThroughARealBrokerReachTheDataLayerAndBadOnesBecomeDeadLetters() throws Exception {
        String application = "app-" + UUID.randomUUID().toString().substring(0, 8);
        LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
        try (TestMqttBroker broker = TestMqttBroker.start(); CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("lorawan-tts.musterstadt");
            context.addRoutes(new TtsRoutes(config(broker.url(), "v3/" + application + "/devices/+/up"),
                    dataLayer, LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65()));
            NotifyBuilder two = new NotifyBuilder(context).fromRoute("uplinks").whenCompleted(2).create();
            context.start();

            MqttClient tts = new MqttClient(broker.url(), "tts-" + application, new MemoryPersistence());
            tts.connect();
            tts.publish("v3/" + application + "/devices/cold-room-1/up", TtsMessages.uplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 1), 1, false);
            tts.publish("v3/" + application + "/devices/cold-room-1/up", "garbage".getBytes(), 1, false);
            tts.disconnect();
            tts.close();

            assertTrue(two.matches(20, TimeUnit.SECONDS));
            assertEquals(1, dataLayer.accepted.size());
            assertEquals(1, dataLayer.rejected.size());
            assertEquals(28.29, LorawanFakes.valuesOf(dataLayer.accepted.get(0).observations().get(0)).get("temperature"));
            assertEquals("urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-1",
                    dataLayer.accepted.get(0).observations().get(0).entity().urn());
        }
    }

    @Test
    void theDefaultTopicAlsoTakesTheTenantFormOfTheThingsStackCloud() throws Exception {
        String application = "app-" + UUID.randomUUID().toString().substring(0, 8);
        LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
        try (TestMqttBroker broker = TestMqttBroker.start(); CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("lorawan-tts.musterstadt");
            context.addRoutes(new TtsRoutes(config(broker.url(), "v3/+/devices/+/up"),
                    dataLayer, LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65()));
            NotifyBuilder one = new NotifyBuilder(context).fromRoute("uplinks").whenCompleted(1).create();
            context.start();

            MqttClient tts = new MqttClient(broker.url(), "tts-" + application, new MemoryPersistence());
            tts.connect();
            tts.publish("v3/" + application + "@musterstadt-ttn/devices/cold-room-1/up",
                    TtsMessages.uplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 9), 1, false);
            tts.disconnect();
            tts.close();

            assertTrue(one.matches(20, TimeUnit.SECONDS));
            assertEquals("fcnt:9", dataLayer.accepted.get(0).input().source().messageId());
        }
    }

    @Test
    void aDownlinkGoesToTheTopicTheDevicesUplinksCameOn() throws Exception {
        String application = "app-" + UUID.randomUUID().toString().substring(0, 8) + "@musterstadt-ttn";
        LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
        try (TestMqttBroker broker = TestMqttBroker.start(); CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("lorawan-tts.musterstadt");
            context.addRoutes(new TtsRoutes(config(broker.url(), "v3/" + application + "/devices/+/up"), dataLayer,
                    LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65()));
            NotifyBuilder one = new NotifyBuilder(context).fromRoute("uplinks").whenCompleted(1).create();
            context.start();
            Downlink close = Downlink.ofHex(LHT65_DEV_EUI, 10, "01 00", true);
            CamelExecutionException tooEarly = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                    () -> context.createProducerTemplate().sendBody(AdapterInstances.DOWNLINK_ENDPOINT, close));
            assertTrue(tooEarly.getCause().getMessage().contains("No uplink of device"), tooEarly.getCause().getMessage());

            MqttClient tts = new MqttClient(broker.url(), "tts-" + UUID.randomUUID(), new MemoryPersistence());
            tts.connect();
            java.util.concurrent.BlockingQueue<String> downlinks = new java.util.concurrent.LinkedBlockingQueue<>();
            tts.subscribe("v3/" + application + "/devices/cold-room-1/down/push", 1,
                    (topic, message) -> downlinks.add(new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8)));
            tts.publish("v3/" + application + "/devices/cold-room-1/up", TtsMessages.uplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 1), 1, false);
            assertTrue(one.matches(20, TimeUnit.SECONDS));

            context.createProducerTemplate().sendBody(AdapterInstances.DOWNLINK_ENDPOINT, close);

            String queued = downlinks.poll(20, TimeUnit.SECONDS);
            tts.disconnect();
            tts.close();
            assertEquals("{\"downlinks\":[{\"f_port\":10,\"frm_payload\":\"AQA=\",\"priority\":\"NORMAL\",\"confirmed\":true}]}",
                    queued);
        }
    }

    @Test
    void aWebhookOnlyInstanceHasNoMqttRouteButReplaysKeptInputs() throws Exception {
        LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("lorawan-tts.musterstadt");
            context.addRoutes(new TtsRoutes(config("", "v3/+/devices/+/up"), dataLayer,
                    LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65()));
            context.start();

            assertEquals(null, context.getRoute("uplinks"));
            context.createProducerTemplate().sendBody(AdapterInstances.REPLAY_ENDPOINT,
                    TtsMessages.uplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 3));

            assertEquals(1, dataLayer.accepted.size(), "replayed synchronously");
            assertEquals("fcnt:3", dataLayer.accepted.get(0).input().source().messageId());
        }
    }

    /** Each test its own client id: the broker keeps the session of a clean-session-off client between tests. */
    static TtsConfig config(String brokerUrl, String topic) {
        Map<String, Object> given = Map.of("tenant", "musterstadt", "brokerUrl", brokerUrl, "topic", topic,
                "clientId", "urbanhub-it-" + UUID.randomUUID());
        // as Config Admin hands it over: the given keys, else the defaults
        return (TtsConfig) Proxy.newProxyInstance(TtsConfig.class.getClassLoader(), new Class<?>[] {TtsConfig.class},
                (proxy, method, args) -> given.containsKey(method.getName()) ? given.get(method.getName()) : method.getDefaultValue());
    }
}
