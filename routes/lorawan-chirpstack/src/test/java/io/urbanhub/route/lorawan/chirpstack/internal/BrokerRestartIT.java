package io.urbanhub.route.lorawan.chirpstack.internal;

import static io.urbanhub.lorawan.LorawanFakes.LHT65_VECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.ActivatedDataLayer;
import io.urbanhub.lorawan.LorawanFakes;
import io.urbanhub.testing.RestartableMqttBroker;
import io.urbanhub.testing.TestPostgres;

/**
 * The broker goes away mid-stream and comes back: 10,000 ChirpStack uplinks at 500 per second through a real
 * Mosquitto into the data layer on PostgreSQL. The adapter reconnects with backoff and takes up its persistent session; every
 * uplink the broker acknowledged to the network server is stored once.
 */
class BrokerRestartIT {

    private static final int RATE = 500;
    private static final int SECONDS = 20;
    private static final int DEVICES = 20;
    private static final int VALUES_PER_UPLINK = 5;
    private static final String TENANT = "faulttown";

    @TempDir
    Path brokerFolder;

    @Test
    void aBrokerRestartedMidStreamLosesNoAcknowledgedUplinkAndStoresNoneTwice() throws Exception {
        String application = "fault-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestPostgres postgres = TestPostgres.start();
             RestartableMqttBroker broker = RestartableMqttBroker.start(brokerFolder);
             ActivatedDataLayer store = new ActivatedDataLayer(dataSource(postgres));
             CamelContext hub = new DefaultCamelContext()) {
            assumeTrue(broker.keepsSessionsAcrossRestart(), "a broker restart that keeps sessions needs Mosquitto installed");
            CountingDataLayer dataLayer = new CountingDataLayer(store.get());
            hub.getCamelContextExtension().setName("lorawan-chirpstack." + TENANT);
            hub.addRoutes(new ChirpStackRoutes(ChirpStackConfigs.of(broker.url(), "application/" + application + "/device/+/event/up",
                    TENANT), dataLayer, LorawanFakes.devices(devices()), LorawanFakes.lht65()));
            hub.start();

            AtomicLong recoveryMillis = new AtomicLong(-1);
            AtomicLong published = new AtomicLong();
            Thread admin = new Thread(() -> restart(broker, published, dataLayer, recoveryMillis), "broker-admin");
            long start = System.nanoTime();
            try (NetworkServer networkServer = new NetworkServer(broker.url(), application)) {
                for (int n = 0; n < RATE * SECONDS; n++) {
                    long wait = start + TimeUnit.SECONDS.toNanos(n) / RATE - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (n == RATE * 6) {
                        admin.start();
                    }
                    networkServer.publish(devEui(n % DEVICES), frameCounter(n));
                    published.set(n);
                }
                admin.join();
                assertEquals(RATE * SECONDS, networkServer.awaitAcknowledged(RATE * SECONDS), "every uplink acknowledged by the broker");
            }

            long sent = RATE * SECONDS;
            long stored = postgres.awaitCount("SELECT COUNT(*) FROM hub_input WHERE tenant = ?", TENANT, sent,
                    Duration.ofSeconds(20));
            long deadLetters = postgres.count("SELECT COUNT(*) FROM hub_dead_letter WHERE tenant = ?", TENANT);
            long observations = postgres.count("SELECT COUNT(*) FROM hub_observation WHERE tenant = ?", TENANT);
            long distinct = postgres.count("SELECT COUNT(*) FROM (SELECT DISTINCT entity_id, attribute, message_id"
                    + " FROM hub_observation WHERE tenant = ?) once", TENANT);
            System.out.printf("| broker restart (%s, 3 s down) | %d | %d | %d delivered again, 0 stored | %d | %.1f s |%n",
                    broker.kind(), sent, stored, dataLayer.duplicates.get(), deadLetters, recoveryMillis.get() / 1000.0);
            assertEquals(sent, stored + deadLetters, "stored and dead letters make up what was sent");
            assertEquals(0, deadLetters);
            assertEquals(sent * VALUES_PER_UPLINK, observations, "each uplink's values once");
            assertEquals(observations, distinct);
        }
    }

    /**
     * Stops the broker as an admin does and starts it 3 s later; the recovery time runs from its return until the
     * first uplink sent after it is stored.
     */
    private static void restart(RestartableMqttBroker broker, AtomicLong published, CountingDataLayer dataLayer,
                                AtomicLong recoveryMillis) {
        try {
            broker.stop();
            Thread.sleep(3_000);
            broker.startAgain();
            long back = System.nanoTime();
            long frameAtReturn = frameCounter(published.get());
            while (dataLayer.highestFrameCounter.get() <= frameAtReturn && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(10);
            }
            recoveryMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long frameCounter(long uplink) {
        return uplink / DEVICES + 1;
    }

    private static Device[] devices() {
        return IntStream.range(0, DEVICES).mapToObj(device -> new Device(devEui(device), "dragino-lht65",
                new EntityId("IndoorEnvironmentObserved", TENANT, "cold-room-" + device), new GeoPoint(7.6, 51.9),
                "Kühlraum " + device)).toArray(Device[]::new);
    }

    private static String devEui(int device) {
        return String.format("70b3d57ed3%06x", device);
    }

    private static DataSource dataSource(TestPostgres postgres) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        return dataSource;
    }



    /** The real data layer, counting what it answers. */
    private static final class CountingDataLayer implements DataLayer {

        private final DataLayer delegate;
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong highestFrameCounter = new AtomicLong();

        CountingDataLayer(DataLayer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Receipt accept(Input input, List<Observation> observations) {
            return counted(input, delegate.accept(input, observations));
        }

        @Override
        public CompletionStage<Receipt> submit(Input input, List<Observation> observations) {
            return delegate.submit(input, observations).thenApply(receipt -> counted(input, receipt));
        }

        @Override
        public Receipt reject(Input input, String reason) {
            return counted(input, delegate.reject(input, reason));
        }

        private Receipt counted(Input input, Receipt receipt) {
            // ChirpStack uplinks carry their frame counter as message id: fcnt:<n>
            long frameCounter = Long.parseLong(input.source().messageId().substring("fcnt:".length()));
            highestFrameCounter.accumulateAndGet(frameCounter, Math::max);
            if (receipt == Receipt.DUPLICATE) {
                duplicates.incrementAndGet();
            }
            return receipt;
        }
    }

    /**
     * ChirpStack's MQTT integration at QoS 1: reconnects by itself and keeps what it could not send meanwhile, and
     * sends again what the broker had not acknowledged.
     */
    private static final class NetworkServer implements AutoCloseable {

        private final MqttAsyncClient client;
        private final String application;
        private final AtomicLong acknowledged = new AtomicLong();

        NetworkServer(String brokerUrl, String application) throws Exception {
            this.application = application;
            client = new MqttAsyncClient(brokerUrl, "network-server-" + application, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    acknowledged.incrementAndGet();
                }
            });
            DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
            buffer.setBufferEnabled(true);
            buffer.setBufferSize(RATE * SECONDS);
            client.setBufferOpts(buffer);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(1_000);
            // what is buffered during the outage is sent at once on the return, beside what was in flight before
            options.setMaxInflight(RATE * SECONDS);
            client.connect(options).waitForCompletion(10_000);
        }

        void publish(String devEui, long frameCounter) throws Exception {
            MqttMessage message = new MqttMessage(ChirpStackSamples.sampleUplink(devEui, 2, LHT65_VECTOR, frameCounter));
            message.setQos(1);
            client.publish("application/" + application + "/device/" + devEui + "/event/up", message);
        }

        long awaitAcknowledged(long expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return acknowledged.get();
        }

        @Override
        public void close() throws Exception {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }
}
