package io.urbanhub.route.lorawan.chirpstack.internal;

import static io.urbanhub.lorawan.LorawanFakes.LHT65_DEV_EUI;
import static io.urbanhub.lorawan.LorawanFakes.LHT65_VECTOR;
import static io.urbanhub.route.lorawan.chirpstack.internal.ChirpStackSamples.sampleUplink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.spi.Downlink;
import io.urbanhub.api.spi.MqttTls;
import io.urbanhub.lorawan.LorawanFakes;
import io.urbanhub.testing.RestartableMqttBroker;
import io.urbanhub.testing.TestCertificates;
import io.urbanhub.testing.TestMqttBroker;

class ChirpStackRoutesIT {

    @Test
    void uplinksThroughARealBrokerReachTheDataLayerAndBadOnesBecomeDeadLetters() throws Exception {
        String application = UUID.randomUUID().toString();
        LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
        try (TestMqttBroker broker = TestMqttBroker.start(); CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("lorawan-chirpstack.musterstadt");
            context.addRoutes(new ChirpStackRoutes(config(broker.url(), "application/" + application + "/device/+/event/up"),
                    dataLayer, LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65()));
            NotifyBuilder three = new NotifyBuilder(context).fromRoute("uplinks").whenCompleted(3).create();
            context.start();

            MqttClient chirpstack = new MqttClient(broker.url(), "chirpstack-" + application, new MemoryPersistence());
            chirpstack.connect();
            String topic = "application/" + application + "/device/" + LHT65_DEV_EUI + "/event/up";
            chirpstack.publish(topic, sampleUplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 1), 1, false);
            chirpstack.publish(topic, "garbage".getBytes(), 1, false);
            chirpstack.publish(topic, sampleUplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 2), 1, false);
            chirpstack.disconnect();
            chirpstack.close();

            assertTrue(three.matches(20, TimeUnit.SECONDS));
            assertEquals(2, dataLayer.accepted.size());
            assertEquals(1, dataLayer.rejected.size());
            // handled several at a time: the order of arrival is not the order of storing
            LorawanFakes.Accepted second = dataLayer.accepted.stream()
                    .filter(accepted -> accepted.input().source().messageId().equals("fcnt:2")).findFirst().orElseThrow();
            assertEquals(28.29, LorawanFakes.valuesOf(second.observations().get(0)).get("temperature"));
        }
    }

    @Test
    void uplinksAndDownlinksGoThroughABrokerThatTakesOnlyTlsWithAClientCertificate(@TempDir Path folder) throws Exception {
        assumeTrue(RestartableMqttBroker.mosquittoInstalled(), "the TLS broker of this test is a Mosquitto");
        TestCertificates certificates = TestCertificates.create(folder);
        String application = UUID.randomUUID().toString();
        LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
        MqttTls tls = new MqttTls(certificates.trustStore().toString(), TestCertificates.PASSWORD,
                certificates.clientKeyStore().toString(), TestCertificates.PASSWORD);
        try (RestartableMqttBroker broker = RestartableMqttBroker.startTls(folder.resolve("broker"), certificates);
             CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("lorawan-chirpstack.musterstadt");
            context.addRoutes(new ChirpStackRoutes(ChirpStackConfigs.with(Map.of("brokerUrl", broker.url(),
                    "topic", "application/" + application + "/device/+/event/up", "tenant", "musterstadt",
                    "trustStore", tls.trustStore(), "trustStorePassword", tls.trustStorePassword(),
                    "keyStore", tls.keyStore(), "keyStorePassword", tls.keyStorePassword())),
                    dataLayer, LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65()));
            NotifyBuilder stored = new NotifyBuilder(context).fromRoute("uplinks").whenCompleted(1).create();
            context.start();

            List<String> commands = new CopyOnWriteArrayList<>();
            MqttClient chirpstack = new MqttClient(broker.url(), "chirpstack-" + application.substring(0, 8), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setSSLProperties(tls.sslProperties());
            chirpstack.connect(options);
            try {
                // the downlink topic names the application the uplink event itself names
                chirpstack.subscribe("application/+/device/" + LHT65_DEV_EUI + "/command/down", 1,
                        (topic, message) -> commands.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
                chirpstack.publish("application/" + application + "/device/" + LHT65_DEV_EUI + "/event/up",
                        sampleUplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 1), 1, false);
                assertTrue(stored.matches(20, TimeUnit.SECONDS));
                assertEquals(1, dataLayer.accepted.size());

                context.createProducerTemplate().sendBody(AdapterInstances.DOWNLINK_ENDPOINT,
                        Downlink.ofHex(LHT65_DEV_EUI, 10, "0100", false));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (commands.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(1, commands.size(), "the downlink reached the network server's topic");
                assertTrue(commands.get(0).contains("\"fPort\":10"), commands.get(0));
            } finally {
                chirpstack.disconnect();
                chirpstack.close();
            }
        }
    }

    @Test
    void aConfigWithoutTenantStartsNoRoute() throws Exception {
        ChirpStackConfig config = ChirpStackConfigs.of("tcp://127.0.0.1:1883", "t", "");
        ChirpStackRoutes routes = new ChirpStackRoutes(config, new LorawanFakes.RecordingDataLayer(), LorawanFakes.devices(), LorawanFakes.lht65());
        try (CamelContext context = new DefaultCamelContext()) {
            IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> context.addRoutes(routes));
            assertTrue(error.getMessage().contains("Tenant ''"), error.getMessage());
            assertEquals(0, context.getRoutes().size());
        }
    }

    private static ChirpStackConfig config(String brokerUrl, String topic) {
        return ChirpStackConfigs.of(brokerUrl, topic, "musterstadt");
    }
}
