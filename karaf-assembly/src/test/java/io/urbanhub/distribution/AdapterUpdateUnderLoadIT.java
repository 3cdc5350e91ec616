package io.urbanhub.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Version;

import io.urbanhub.api.admin.AdapterCounts;
import io.urbanhub.api.admin.AdapterStatistics;

/**
 * LoRaWAN uplinks flow at 500 per second through the real broker into PostgreSQL while the admin updates the
 * adapter's bundle ({@code bundle:update}) or swaps a tenant from ChirpStack to The Things Stack
 * ({@code hub:adapter-swap}) or upgrades it ({@code feature:install --upgrade}, a new jar in {@code deploy/}): every
 * uplink is stored exactly once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdapterUpdateUnderLoadIT {

    private static final int RATE = 500;
    private static final int SECONDS = 20;
    private static final int DEVICES = 20;
    private static final int VALUES_PER_UPLINK = 5;
    private static final String TENANT = "loadcity";
    private static final String INSTANCE = "lorawan-chirpstack." + TENANT;
    private static final String CHIRPSTACK_BUNDLE = "io.urbanhub.route.lorawan.chirpstack";
    private static final String CHIRPSTACK_FEATURE = "hub-route-lorawan-chirpstack";
    private static final String BUILD_HEADER = "X-UrbanHub-Build";

    @Inject
    BundleContext bundleContext;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AdapterStatistics statistics;

    @Inject
    FeaturesService features;

    @Configuration
    public Option[] distribution() {
        return Distribution.options(DriverPostgres.storeOptions());
    }

    @Test
    public void anAdapterUpdatedWhileUplinksFlowLosesNoneStoresNoneTwiceAndStopsNothingElse() throws Exception {
        String application = "load-" + UUID.randomUUID().toString().substring(0, 8);
        Path etc = Path.of(System.getProperty("karaf.etc"));
        registerDevices(TENANT, AdapterUpdateUnderLoadIT::devEui);
        Files.writeString(etc.resolve("io.urbanhub.route.lorawan.chirpstack-" + TENANT + ".cfg"), String.join("\n",
                "tenant = " + TENANT, "brokerUrl = " + System.getProperty(Distribution.BROKER_PROPERTY),
                "topic = application/" + application + "/device/+/event/up", "clientId = urbanhub-" + application, ""));
        InContainer hub = new InContainer(bundleContext);
        hub.awaitRunning(INSTANCE);
        CamelContext demo = hub.awaitRunning("mqtt-heartbeat.demo");
        Thread.sleep(2_500); // the device registry looks at its file every 2 s

        Bundle adapter = hub.bundle("io.urbanhub.route.lorawan.chirpstack");
        Set<String> stopped = new ConcurrentSkipListSet<>();
        AtomicReference<String> updated = new AtomicReference<>("not updated");
        BundleListener stops = event -> {
            if (event.getType() == BundleEvent.STOPPED) {
                stopped.add(event.getBundle().getSymbolicName());
            }
        };
        bundleContext.addBundleListener(stops);
        long sent;
        long start = System.nanoTime();
        try (NetworkServer networkServer = new NetworkServer(System.getProperty(Distribution.BROKER_PROPERTY), application)) {
            for (int n = 0; n < RATE * SECONDS; n++) {
                awaitTurn(start, n, RATE);
                if (n == RATE * 6) {
                    // on its own thread, as the admin's console is: the uplinks keep coming meanwhile
                    new Thread(() -> updated.set(console("bundle:update " + adapter.getBundleId())), "admin-console").start();
                }
                networkServer.publish(devEui(n % DEVICES), n / DEVICES + 1);
            }
            sent = networkServer.awaitAcknowledged(RATE * SECONDS);
        } finally {
            bundleContext.removeBundleListener(stops);
        }
        assertEquals("every uplink acknowledged by the broker", RATE * SECONDS, sent);

        long stored = awaitStored(TENANT, sent);
        long drained = System.nanoTime();
        assertEquals("the update's console output", "", updated.get());
        assertEquals("every uplink stored", sent, stored);
        long observations = count("SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + TENANT + "'");
        long distinct = count("SELECT COUNT(*) FROM (SELECT DISTINCT entity_id, attribute, message_id FROM hub_observation"
                + " WHERE tenant = '" + TENANT + "') once");
        assertEquals("each uplink's values once", sent * VALUES_PER_UPLINK, observations);
        assertEquals(observations, distinct);
        assertEquals(0, count("SELECT COUNT(*) FROM hub_dead_letter WHERE tenant = '" + TENANT + "'"));
        assertEquals("only the updated adapter stopped", List.of("io.urbanhub.route.lorawan.chirpstack"), List.copyOf(stopped));
        assertSame("the other adapters ran on untouched", demo, hub.awaitRunning("mqtt-heartbeat.demo"));
        assertTrue(demo.getStatus().isStarted());
        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        assertTrue("log lines name tenant, adapter instance and device",
                log.contains("tenant=" + TENANT + " adapter=" + INSTANCE + " device=" + devEui(0)));
        AdapterCounts counts = statistics.counts().get(INSTANCE);
        System.out.printf("%d uplinks sent at %d/s, %d stored %.1f s after the first, %d delivered again and dropped as"
                + " duplicates%n", sent, RATE, stored, (drained - start) / 1e9, counts == null ? 0 : counts.duplicates());
    }

    @Test
    public void aTenantSwappedFromChirpStackToTheThingsStackWhileUplinksFlowLosesNone() throws Exception {
        String tenant = "swapload";
        String application = "swap-" + UUID.randomUUID().toString().substring(0, 8);
        Path etc = Path.of(System.getProperty("karaf.etc"));
        registerDevices(tenant, AdapterUpdateUnderLoadIT::swapEui);
        String broker = "brokerUrl = " + System.getProperty(Distribution.BROKER_PROPERTY);
        Files.writeString(etc.resolve("io.urbanhub.route.lorawan.chirpstack-" + tenant + ".cfg"), String.join("\n",
                "tenant = " + tenant, broker, "topic = application/" + application + "/device/+/event/up", ""));
        features.installFeature("hub-route-lorawan-tts");
        Files.writeString(etc.resolve("io.urbanhub.route.lorawan.tts-" + tenant + ".cfg"), String.join("\n",
                "tenant = " + tenant, broker, "topic = v3/" + application + "@" + tenant + "/devices/+/up", ""));
        InContainer hub = new InContainer(bundleContext);
        hub.awaitRunning("lorawan-chirpstack." + tenant);
        hub.awaitRunning("lorawan-tts." + tenant);
        // configured and subscribed once, then held back: the broker keeps what arrives for it until the swap
        Console.execute(sessionFactory, "hub:adapter-stop lorawan-tts." + tenant);
        Thread.sleep(2_500); // the device registry looks at its file every 2 s

        AtomicReference<String> swapped = new AtomicReference<>("not swapped");
        int half = RATE * SECONDS / 2;
        long start = System.nanoTime();
        try (NetworkServer networkServers = new NetworkServer(System.getProperty(Distribution.BROKER_PROPERTY), application)) {
            for (int n = 0; n < RATE * SECONDS; n++) {
                awaitTurn(start, n, RATE);
                String devEui = swapEui(n % DEVICES);
                long frame = n / DEVICES + 1;
                if (n < half) {
                    networkServers.publish("application/" + application + "/device/" + devEui + "/event/up",
                            NetworkServerUplinks.chirpStack(devEui, 2, NetworkServerUplinks.LHT65_VECTOR, frame));
                } else {
                    // the devices now send through The Things Stack; half a second later the admin swaps
                    if (n == half + RATE / 2) {
                        new Thread(() -> swapped.set(console("hub:adapter-swap " + tenant + " lorawan-chirpstack." + tenant
                                + " lorawan-tts." + tenant)), "admin-console").start();
                    }
                    networkServers.publish("v3/" + application + "@" + tenant + "/devices/depot-" + n % DEVICES + "/up",
                            NetworkServerUplinks.theThingsStack(devEui, 2, NetworkServerUplinks.LHT65_VECTOR, frame));
                }
            }
            assertEquals("every uplink acknowledged by the broker", RATE * SECONDS, networkServers.awaitAcknowledged(RATE * SECONDS));
        }
        long stored = awaitStored(tenant, RATE * SECONDS);
        assertTrue(swapped.get(), swapped.get().contains("lorawan-tts." + tenant + ": RUNNING"));
        assertEquals("every uplink stored", RATE * SECONDS, stored);
        assertEquals("each uplink's values once", RATE * SECONDS * VALUES_PER_UPLINK,
                count("SELECT COUNT(*) FROM (SELECT DISTINCT entity_id, attribute, message_id FROM hub_observation"
                        + " WHERE tenant = '" + tenant + "') once"));
        assertEquals(RATE * SECONDS * VALUES_PER_UPLINK, count("SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"));
        assertEquals(0, count("SELECT COUNT(*) FROM hub_dead_letter WHERE tenant = '" + tenant + "'"));
        System.out.printf("%d uplinks at %d/s, half through ChirpStack and half through The Things Stack, %d stored%n",
                RATE * SECONDS, RATE, stored);
    }

    @Test
    public void anAdapterUpgradedByFeatureAndHotFixedThroughTheDeployFolderWhileUplinksFlowLosesNone() throws Exception {
        String tenant = "upgradecity";
        // two restarts within seconds: at half the rate, Mosquitto's default queue of 1000 messages per session holds
        // what arrives while the adapter is away and catches up, also on a busy machine
        int rate = RATE / 2;
        String application = "upgrade-" + UUID.randomUUID().toString().substring(0, 8);
        registerDevices(tenant, AdapterUpdateUnderLoadIT::upgradeEui);
        Files.writeString(Path.of(System.getProperty("karaf.etc"), "io.urbanhub.route.lorawan.chirpstack-" + tenant + ".cfg"),
                String.join("\n", "tenant = " + tenant, "brokerUrl = " + System.getProperty(Distribution.BROKER_PROPERTY),
                        "topic = application/" + application + "/device/+/event/up", ""));
        InContainer hub = new InContainer(bundleContext);
        hub.awaitRunning("lorawan-chirpstack." + tenant);
        Thread.sleep(2_500); // the device registry looks at its file every 2 s

        // a release 0.1.1 published as a features repository, and a rebuilt 0.1.1 for the deploy folder
        Bundle adapter = hub.bundle(CHIRPSTACK_BUNDLE);
        Path work = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "upgrade-" + application));
        Path release = rebuild(adapter, work.resolve("hub-route-lorawan-chirpstack-0.1.1.jar"), "0.1.1", "release");
        Path hotfix = rebuild(adapter, work.resolve("hotfix.jar"), "0.1.1", "hotfix-1");
        Path repository = work.resolve("chirpstack-0.1.1-features.xml");
        Files.writeString(repository, releaseFeature(features.getFeature(CHIRPSTACK_FEATURE), adapter.getLocation(), release));
        Console.execute(sessionFactory, "feature:repo-add " + repository.toUri());

        Map<String, Long> othersModified = new HashMap<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (!CHIRPSTACK_BUNDLE.equals(bundle.getSymbolicName())) {
                othersModified.put(bundle.getSymbolicName() + "/" + bundle.getBundleId(), bundle.getLastModified());
            }
        }
        Set<String> stopped = new ConcurrentSkipListSet<>();
        BundleListener stops = event -> {
            if (event.getType() == BundleEvent.STOPPED) {
                stopped.add(event.getBundle().getSymbolicName());
            }
        };
        AtomicReference<String> upgraded = new AtomicReference<>("not upgraded");
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", release.getFileName().toString());
        boolean hotFixed = false;
        bundleContext.addBundleListener(stops);
        long start = System.nanoTime();
        try (NetworkServer networkServer = new NetworkServer(System.getProperty(Distribution.BROKER_PROPERTY), application)) {
            for (int n = 0; n < rate * SECONDS; n++) {
                awaitTurn(start, n, rate);
                if (n == rate * 5) {
                    new Thread(() -> upgraded.set(console("feature:install --upgrade " + CHIRPSTACK_FEATURE + "/0.1.1")),
                            "admin-console").start();
                }
                if (n >= rate * 12 && !hotFixed && !upgraded.get().equals("not upgraded")) {
                    // after the upgrade, which the hotfix replaces; written beside and moved in, as a copy tool should,
                    // so that the deployer never reads half a jar
                    hotFixed = true;
                    Path partial = Files.copy(hotfix, work.resolve("partial.jar"));
                    Files.move(partial, deployed, StandardCopyOption.ATOMIC_MOVE);
                }
                networkServer.publish(upgradeEui(n % DEVICES), n / DEVICES + 1);
            }
            assertEquals("every uplink acknowledged by the broker", rate * SECONDS, networkServer.awaitAcknowledged(rate * SECONDS));
        } finally {
            bundleContext.removeBundleListener(stops);
        }
        long stored = awaitStored(tenant, rate * SECONDS);

        assertEquals("the upgrade's console output", "", upgraded.get());
        assertEquals("every uplink stored", rate * SECONDS, stored);
        assertEquals("each uplink's values once", rate * SECONDS * VALUES_PER_UPLINK,
                count("SELECT COUNT(*) FROM (SELECT DISTINCT entity_id, attribute, message_id FROM hub_observation"
                        + " WHERE tenant = '" + tenant + "') once"));
        assertEquals(rate * SECONDS * VALUES_PER_UPLINK, count("SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'"));
        assertEquals(0, count("SELECT COUNT(*) FROM hub_dead_letter WHERE tenant = '" + tenant + "'"));

        List<Bundle> adapters = Stream.of(bundleContext.getBundles())
                .filter(bundle -> CHIRPSTACK_BUNDLE.equals(bundle.getSymbolicName())).toList();
        assertEquals("one adapter bundle, not two side by side", 1, adapters.size());
        Bundle running = adapters.get(0);
        assertEquals(Version.parseVersion("0.1.1"), running.getVersion());
        assertEquals("the deploy folder's hotfix runs", "hotfix-1", running.getHeaders().get(BUILD_HEADER));
        assertEquals(Bundle.ACTIVE, running.getState());
        assertTrue(features.isInstalled(features.getFeature(CHIRPSTACK_FEATURE, "0.1.1")));
        assertEquals("only the upgraded adapter stopped", List.of(CHIRPSTACK_BUNDLE), List.copyOf(stopped));
        for (Bundle bundle : bundleContext.getBundles()) {
            Long before = othersModified.get(bundle.getSymbolicName() + "/" + bundle.getBundleId());
            if (before != null) {
                assertEquals(bundle.getSymbolicName() + " untouched", before.longValue(), bundle.getLastModified());
            }
        }
        System.out.printf("%d uplinks at %d/s while the adapter was upgraded to 0.1.1 by feature and hot-fixed through deploy/,"
                + " %d stored%n", rate * SECONDS, rate, stored);
    }

    /** A copy of the adapter's jar as another build of it: its version and a build header changed. */
    private static Path rebuild(Bundle adapter, Path target, String version, String build) throws Exception {
        try (JarInputStream in = new JarInputStream(new URL(adapter.getLocation()).openStream());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), withBuild(in.getManifest(), version, build))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return target;
    }

    private static Manifest withBuild(Manifest manifest, String version, String build) {
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        manifest.getMainAttributes().putValue(BUILD_HEADER, build);
        return manifest;
    }

    /** The installed feature as release 0.1.1: the same dependencies and bundles but the adapter's new jar. */
    private static String releaseFeature(Feature installed, String adapterLocation, Path release) {
        StringBuilder xml = new StringBuilder("<features name=\"chirpstack-0.1.1\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n")
                .append("  <feature name=\"").append(installed.getName()).append("\" version=\"0.1.1\">\n");
        for (Dependency dependency : installed.getDependencies()) {
            xml.append("    <feature version=\"").append(dependency.getVersion()).append("\">").append(dependency.getName())
                    .append("</feature>\n");
        }
        for (BundleInfo bundle : installed.getBundles()) {
            String location = bundle.getLocation().equals(adapterLocation) ? release.toUri().toString() : bundle.getLocation();
            xml.append("    <bundle>").append(location).append("</bundle>\n");
        }
        return xml.append("  </feature>\n</features>\n").toString();
    }

    /** Waits until uplink n is due at the rate, counted from the start. */
    private static void awaitTurn(long start, int n, int rate) throws InterruptedException {
        long wait = start + TimeUnit.SECONDS.toNanos(n) / rate - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** LHT65 sensors in cold rooms, added to the device file the hub imports from. */
    private static void registerDevices(String tenant, IntFunction<String> devEui) throws Exception {
        StringBuilder devices = new StringBuilder();
        for (int device = 0; device < DEVICES; device++) {
            devices.append(devEui.apply(device)).append(",dragino-lht65,").append(tenant)
                    .append(",IndoorEnvironmentObserved,cold-room-").append(device).append(",7.6,51.9,Kühlraum ").append(device).append('\n');
        }
        Files.writeString(Path.of(System.getProperty("karaf.etc"), "urbanhub", "devices.csv"), devices, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    private String console(String command) {
        try {
            return Console.execute(sessionFactory, command).trim();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String upgradeEui(int device) {
        return String.format("70b3d57ed2%06x", device);
    }

    private static String swapEui(int device) {
        return String.format("70b3d57ed1%06x", device);
    }


    /** Waits while the count grows; gives up once it stood still for 20 s. */
    private long awaitStored(String tenant, long expected) throws Exception {
        long stored = 0;
        long lastGrowth = System.nanoTime();
        while (stored < expected && System.nanoTime() - lastGrowth < TimeUnit.SECONDS.toNanos(20)) {
            Thread.sleep(200);
            long now = count("SELECT COUNT(*) FROM hub_input WHERE tenant = '" + tenant + "'");
            if (now > stored) {
                stored = now;
                lastGrowth = System.nanoTime();
            }
        }
        return stored;
    }

    private static String devEui(int device) {
        return String.format("70b3d57ed0%06x", device);
    }

    private long count(String sql) throws Exception {
        DataSource store = bundleContext.getService(bundleContext.getServiceReferences(DataSource.class,
                "(dataSourceName=urbanhub)").iterator().next());
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
