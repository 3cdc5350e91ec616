package io.urbanhub.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.api.spi.MqttConnection;
import io.urbanhub.api.spi.MqttTls;
import io.urbanhub.testing.RestartableMqttBroker;
import io.urbanhub.testing.TestCertificates;

/**
 * A broker that takes only TLS with a client certificate of its CA, made for the test: the consumer trusts the CA
 * from a trust store and proves itself with its key store, as an adapter's configuration names them.
 */
class AckingMqttTlsIT {

    @TempDir
    static Path folder;

    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() throws Exception {
        assumeTrue(RestartableMqttBroker.mosquittoInstalled(), "the TLS broker of this test is a Mosquitto");
        certificates = TestCertificates.create(folder);
    }

    @Test
    void theConsumerTrustsTheBrokersCaAndShowsItsClientCertificate() throws Exception {
        String topic = "urbanhub/tls/" + UUID.randomUUID();
        MqttTls tls = new MqttTls(certificates.trustStore().toString(), TestCertificates.PASSWORD,
                certificates.clientKeyStore().toString(), TestCertificates.PASSWORD);
        try (RestartableMqttBroker broker = RestartableMqttBroker.startTls(folder.resolve("broker-ok"), certificates);
             CamelContext context = new DefaultCamelContext()) {
            List<String> received = new CopyOnWriteArrayList<>();
            MqttConnection connection = new MqttConnection(broker.url(), 1, "", "", tls);
            context.getRegistry().bind(MqttConnection.TLS_BEAN, tls.sslProperties());
            AckingMqttComponent.addTo(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(connection.uri(AckingMqttComponent.SCHEME, topic, "hub-tls-" + UUID.randomUUID().toString().substring(0, 8)))
                            .process(exchange -> received.add(exchange.getMessage().getBody(String.class)));
                }
            });
            context.start();

            MqttClient publisher = client(broker.url(), tls.sslProperties());
            publisher.publish(topic, "over TLS".getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.disconnect();
            publisher.close();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of("over TLS"), received);
            assertTrue(connection.toString().contains("client certificate"), connection.toString());
            assertTrue(!connection.toString().contains(TestCertificates.PASSWORD), "no password in " + connection);
        }
    }

    @Test
    void theBrokerRefusesAClientWithoutACertificateOfItsCa() throws Exception {
        try (RestartableMqttBroker broker = RestartableMqttBroker.startTls(folder.resolve("broker-refuses"), certificates)) {
            Properties trustOnly = new MqttTls(certificates.trustStore().toString(), TestCertificates.PASSWORD, "", "").sslProperties();
            assertThrows(MqttException.class, () -> client(broker.url(), trustOnly));
            Properties stranger = new MqttTls(certificates.trustStore().toString(), TestCertificates.PASSWORD,
                    certificates.strangerKeyStore().toString(), TestCertificates.PASSWORD).sslProperties();
            assertThrows(MqttException.class, () -> client(broker.url(), stranger));
        }
    }

    @Test
    void aClientThatDoesNotTrustTheBrokersCaDoesNotConnect() throws Exception {
        try (RestartableMqttBroker broker = RestartableMqttBroker.startTls(folder.resolve("broker-untrusted"), certificates)) {
            // the JVM's own CAs never signed the test's server certificate
            Properties clientOnly = new MqttTls("", "", certificates.clientKeyStore().toString(), TestCertificates.PASSWORD).sslProperties();
            assertThrows(MqttException.class, () -> client(broker.url(), clientOnly));
        }
    }

    private static MqttClient client(String url, Properties ssl) throws MqttException {
        MqttClient client = new MqttClient(url, "tls-test-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSSLProperties(ssl);
        options.setConnectionTimeout(10);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }
}
