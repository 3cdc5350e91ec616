package io.urbanhub.distribution;

import static io.urbanhub.distribution.InContainer.await;
import static io.urbanhub.distribution.InContainer.completedExchanges;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
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
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedService;

import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Input;
import io.urbanhub.testing.LocalService;


/**
 * Boots the distribution that users start (the assembly's tar.gz) and checks, inside it, what an admin
 * relies on: the demo route runs through a real broker, instances follow their config files, a Camel
 * component installed later is picked up, and the route module hot-deploys without disturbing the rest.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HubDistributionIT {

    private static final String HEARTBEAT_PID = "io.urbanhub.route.mqtt.heartbeat";
    private static final String DEMO = "mqtt-heartbeat.demo";
    private static final String MODULE = "io.urbanhub.route.mqtt.heartbeat";
    private static final String TOPIC_PROPERTY = "urbanhub.it.topic";
    private static final String SSH_PORT_PROPERTY = "urbanhub.it.sshPort";
    private static final String CHIRPSTACK_DEMO = "lorawan-chirpstack.demo";
    private static final String SWAP_TENANT = "swaptown";
    private static final String SWAP_OLD = "mqtt-heartbeat.swap-old";
    private static final String SWAP_NEW = "mqtt-heartbeat.swap-new";

    @Inject
    BundleContext bundleContext;

    @Inject
    FeaturesService features;

    @Inject
    SessionFactory sessionFactory;

    @Configuration
    public Option[] distribution() {
        String topic = "urbanhub/it/" + UUID.randomUUID() + "/heartbeat";
        String demoConfig = "etc/" + HEARTBEAT_PID + "-demo.cfg";
        String sshPort = Integer.toString(LocalService.freePort());
        return Distribution.options(
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort),
                systemProperty(SSH_PORT_PROPERTY).value(sshPort),
                editConfigurationFilePut(demoConfig, "brokerUrl", DriverBroker.url()),
                editConfigurationFilePut(demoConfig, "topic", topic),
                editConfigurationFilePut(demoConfig, "periodMillis", "500"),
                systemProperty(TOPIC_PROPERTY).value(topic));
    }

    private InContainer hub() {
        return new InContainer(bundleContext);
    }

    @Test
    public void a_demoHeartbeatTravelsThroughTheRealBroker() throws Exception {
        CamelContext demo = hub().awaitRunning(DEMO);
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient listener = new MqttClient(System.getProperty(Distribution.BROKER_PROPERTY), "urbanhub-it-" + UUID.randomUUID(),
                new MemoryPersistence());
        listener.connect();
        try {
            listener.subscribe(System.getProperty(TOPIC_PROPERTY), 1,
                    (topic, message) -> seen.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            await("a heartbeat on the broker", () -> seen.stream().anyMatch(json -> json.contains("\"instance\":\"" + DEMO + "\"")));
        } finally {
            listener.disconnect();
            listener.close();
        }
        await("heartbeats to come back to the hub", () -> completedExchanges(demo, "receive") >= 2);
    }

    @Test
    public void b_firstStartCreatedTheAdminAccountWithoutADefaultPassword() throws Exception {
        // Karaf's JAAS rewrites the file in place to hash the new password: read it once it holds the account
        await("the admin account", () -> users().getProperty("admin") != null);
        Properties users = users();
        String admin = users.getProperty("admin");
        String password = admin.split(",")[0];
        assertFalse("no well-known password", List.of("admin", "karaf", "").contains(password));
        assertTrue("admin may log in over SSH", users.getProperty("_g_:admingroup").contains("ssh"));
    }

    @Test
    public void c_consoleCommandsListContextsAndRoutes() throws Exception {
        hub().awaitRunning(DEMO);
        String contexts = Console.execute(sessionFactory, "camel:context-list --no-format");
        assertTrue(contexts, contexts.lines().anyMatch(line -> line.startsWith(DEMO) && line.contains("Started")));
        String routes = Console.execute(sessionFactory, "camel:route-list --no-format " + DEMO);
        assertTrue(routes, routes.lines().anyMatch(line -> line.contains("receive") && line.contains("Started")
                && line.contains("paho:")));
        assertTrue(routes, routes.lines().anyMatch(line -> line.contains("send") && line.contains("timer://heartbeat")));
    }

    @Test
    public void d_aConfigFileStartsChangesAndStopsItsOwnInstanceAtRunTime() throws Exception {
        CamelContext demo = hub().awaitRunning(DEMO);
        Path config = Path.of(System.getProperty("karaf.etc"), HEARTBEAT_PID + "-second.cfg");
        writeHeartbeatConfig(config, 1000);
        CamelContext second = hub().awaitRunning("mqtt-heartbeat.second");

        writeHeartbeatConfig(config, 2000);
        CamelContext changed = hub().awaitReplaced("mqtt-heartbeat.second", second);
        assertEquals("timer://heartbeat?period=2000", changed.getRoute("send").getEndpoint().getEndpointUri());

        Files.delete(config);
        hub().awaitGone("mqtt-heartbeat.second");
        assertSame("the other instance was not touched", demo, hub().context(DEMO).orElseThrow());
        assertTrue(demo.getStatus().isStarted());
    }

    @Test
    public void e_aComponentBundleInstalledLaterStartsTheRoutesWaitingForIt() throws Exception {
        CamelContext demo = hub().awaitRunning(DEMO);
        Bundle camelCore = hub().bundle("io.urbanhub.camel.core");
        long coreModified = camelCore.getLastModified();
        assertFalse("camel-ftp is not installed yet", features.isInstalled(features.getFeature("camel-ftp")));

        ServiceRegistration<?> waiting = hub().registerRoutes("ftp-upload", "it", () -> new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").routeId("upload").to("ftp://127.0.0.1:2121/outbox?username=hub&password=secret");
            }
        });
        try {
            Thread.sleep(2000);
            assertFalse("no ftp component yet, so no context", hub().context("ftp-upload.it").isPresent());

            features.installFeature("camel-ftp");
            CamelContext upload = hub().awaitRunning("ftp-upload.it");
            assertTrue(upload.getRouteController().getRouteStatus("upload").isStarted());
            assertSame("running contexts were not restarted", demo, hub().context(DEMO).orElseThrow());
            assertEquals("Camel core was not refreshed", coreModified, camelCore.getLastModified());
            assertEquals(Bundle.ACTIVE, camelCore.getState());
        } finally {
            waiting.unregister();
        }
        hub().awaitGone("ftp-upload.it");
    }

    @Test
    public void f_theRouteModuleHotDeploysUpdatesAndUndeploysAloneWhileTheRestRuns() throws Exception {
        ServiceRegistration<?> keeperRoutes = hub().registerRoutes("keeper", "it", () -> new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:tick?period=50").routeId("tick").setBody().constant("tick");
            }
        });
        try {
            CamelContext keeper = hub().awaitRunning("keeper.it");
            Bundle module = hub().bundle(MODULE);
            String location = module.getLocation();
            CamelContext demo = hub().awaitRunning(DEMO);

            module.update();
            demo = hub().awaitReplaced(DEMO, demo);

            module.uninstall();
            hub().awaitGone(DEMO);

            Path jar = Path.of(System.getProperty("karaf.home"), "system", "io", "urbanhub", "hub-route-mqtt-heartbeat",
                    "0.1.0-SNAPSHOT", "hub-route-mqtt-heartbeat-0.1.0-SNAPSHOT.jar");
            Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "hub-route-mqtt-heartbeat.jar");
            Files.copy(jar, deployed);
            demo = hub().awaitReplaced(DEMO, demo);

            Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(deployed, FileTime.from(Instant.now().plusSeconds(5)));
            demo = hub().awaitReplaced(DEMO, demo);

            long ticksBeforeUndeploy = completedExchanges(keeper, "tick");
            Files.delete(deployed);
            hub().awaitGone(DEMO);

            assertSame("the other context ran on untouched", keeper, hub().context("keeper.it").orElseThrow());
            assertTrue(keeper.getStatus().isStarted());
            await("the other context to keep working", () -> completedExchanges(keeper, "tick") > ticksBeforeUndeploy + 5);

            await("the undeployed bundle to be uninstalled", () -> !hub().hasBundle(MODULE));
            Bundle restored = bundleContext.installBundle(location);
            restored.start();
            assertNotEquals(module.getBundleId(), restored.getBundleId());
            hub().awaitRunning(DEMO);
        } finally {
            keeperRoutes.unregister();
        }
    }

    @Test
    public void g_languagesDataFormatsAndTypeConvertersResolveAcrossBundles() throws Exception {
        features.installFeature("camel-jsonpath");
        ServiceRegistration<?> registration = hub().registerRoutes("reading", "it", () -> new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:reading").routeId("reading")
                        .setHeader("level").jsonpath("$.level", String.class)
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .setBody(simple("${body[device]} ${header.level}"));
            }
        });
        try {
            CamelContext context = hub().awaitRunning("reading.it");
            try (ProducerTemplate producer = context.createProducerTemplate()) {
                Object reply = producer.requestBody("direct:reading",
                        "{\"device\":\"well-7\",\"level\":12.5}".getBytes(StandardCharsets.UTF_8));
                assertEquals("well-7 12.5", context.getTypeConverter().convertTo(String.class, reply));
            }
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void h_theAdminConsoleStopsStartsAndSwapsInstancesAndShowsDeadLettersEntitiesAndStats() throws Exception {
        hub().awaitRunning(DEMO);
        assertTrue(console("hub:adapter-stop " + DEMO).contains(DEMO + ": STOPPED (stopped by an admin)"));
        hub().awaitGone(DEMO);
        assertTrue(adapterLine(DEMO).contains("STOPPED") && adapterLine(DEMO).contains("stopped by an admin"));
        Thread.sleep(1500);
        assertFalse("stays stopped", hub().context(DEMO).isPresent());
        assertTrue(console("hub:adapter-start " + DEMO).contains(DEMO + ": RUNNING"));
        CamelContext demo = hub().awaitRunning(DEMO);
        assertTrue(console("hub:adapter-restart " + DEMO).contains(DEMO + ": RUNNING"));
        hub().awaitReplaced(DEMO, demo);
        await("the demo ChirpStack instance to show its tenant and a rate",
                () -> adapterLine(CHIRPSTACK_DEMO)
                        .matches("lorawan-chirpstack\\.demo demo lorawan-chirpstack RUNNING .*\\d+\\.\\d\\d"));

        // uplinks the simulator sends while the instance is stopped wait in its persistent session
        assertTrue(console("hub:adapter-stop " + CHIRPSTACK_DEMO).contains(": STOPPED"));
        Instant stoppedAt = Instant.now();
        Thread.sleep(7_000);
        Instant startedAt = Instant.now();
        assertTrue(console("hub:adapter-start " + CHIRPSTACK_DEMO).contains(CHIRPSTACK_DEMO + ": RUNNING"));
        await("uplinks sent while the instance was stopped to be stored", () ->
                plain(console("hub:observations --no-format --tenant demo -n 60"))
                        .map(line -> Instant.parse(line.split(" ")[0]))
                        .anyMatch(at -> at.isAfter(stoppedAt) && at.isBefore(startedAt)));

        Path etc = Path.of(System.getProperty("karaf.etc"));
        String tenant = "tenant = " + SWAP_TENANT;
        writeHeartbeatConfig(etc.resolve(HEARTBEAT_PID + "-swap-old.cfg"), 1000, tenant);
        writeHeartbeatConfig(etc.resolve(HEARTBEAT_PID + "-swap-new.cfg"), 1000, tenant);
        // below the shortest period: the instance fails and cannot take over
        writeHeartbeatConfig(etc.resolve(HEARTBEAT_PID + "-swap-broken.cfg"), 5, tenant);
        try {
            hub().awaitRunning(SWAP_OLD);
            hub().awaitRunning(SWAP_NEW);
            console("hub:adapter-stop " + SWAP_NEW);
            hub().awaitGone(SWAP_NEW);
            String swapped = console("hub:adapter-swap " + SWAP_TENANT + " " + SWAP_OLD + " " + SWAP_NEW);
            assertTrue(swapped, swapped.contains(SWAP_NEW + ": RUNNING"));
            assertTrue(swapped, swapped.contains(SWAP_OLD + ": STOPPED (stopped by an admin)"));
            hub().awaitGone(SWAP_OLD);
            assertTrue(adapterLine(SWAP_NEW).startsWith(SWAP_NEW + " " + SWAP_TENANT + " mqtt-heartbeat RUNNING"));
            assertTrue(refusal("hub:adapter-swap " + SWAP_TENANT + " " + SWAP_NEW + " " + DEMO)
                    .contains(DEMO + " serves no tenant, not " + SWAP_TENANT));
            assertTrue(refusal("hub:adapter-swap --timeout 2 " + SWAP_TENANT + " " + SWAP_NEW + " mqtt-heartbeat.swap-broken")
                    .contains("mqtt-heartbeat.swap-broken did not run within 2 s (FAILED"));
            assertTrue("a refused swap leaves the running instance alone", hub().context(SWAP_NEW).isPresent());
        } finally {
            for (String name : List.of("swap-old", "swap-new", "swap-broken")) {
                Files.deleteIfExists(etc.resolve(HEARTBEAT_PID + "-" + name + ".cfg"));
            }
        }

        DataLayer dataLayer = bundleContext.getService(bundleContext.getServiceReference(DataLayer.class));
        // kept as if the demo's ChirpStack instance had received them
        Source source = new Source(CHIRPSTACK_DEMO, "chirpstack", "it-sensor", null);
        dataLayer.reject(new Input("demo", source, Instant.now().minus(Duration.ofDays(40)),
                "{\"level\": 7}".getBytes(StandardCharsets.UTF_8)), "it: no decoder for level");
        dataLayer.reject(new Input("demo", source, Instant.now(), new byte[] {(byte) 0xca, (byte) 0xfe, 0x01}),
                "it: frame too short");
        String letters = console("hub:deadletters --no-format --tenant demo");
        String binaryId = idOf(letters, "it: frame too short");
        String shown = console("hub:deadletter-show --no-format " + idOf(letters, "it: no decoder for level"));
        List<String> fields = plain(shown).toList();
        assertTrue(shown, fields.contains("Reason it: no decoder for level") && fields.contains("Device it-sensor")
                && fields.contains("Payload {\"level\": 7}"));
        shown = console("hub:deadletter-show " + binaryId);
        assertTrue(shown, shown.contains("hex cafe01"));

        String purged = console("hub:deadletter-purge --older-than P30D --tenant demo");
        assertTrue(purged, purged.startsWith("Purged 1 dead letter of demo received before "));
        assertFalse(console("hub:deadletters --no-format --tenant demo").contains("no decoder for level"));

        String replay = console("hub:deadletter-replay --all --tenant demo --reason \"frame too short\"");
        assertTrue(replay, replay.contains(binaryId + ": replayed through " + CHIRPSTACK_DEMO)
                && replay.contains("1 dead letter handled"));
        assertFalse("the replayed letter is gone", plain(console("hub:deadletters --no-format --tenant demo"))
                .anyMatch(line -> line.startsWith(binaryId + " ")));

        await("the demo's entities", () -> plain(console("hub:entities --no-format --tenant demo"))
                .anyMatch(line -> line.matches("urn:ngsi-ld:IndoorEnvironmentObserved:demo:\\S+ IndoorEnvironmentObserved demo \\S+")));
        List<String> observations = plain(console("hub:observations --no-format --tenant demo -n 3")).toList();
        assertTrue(observations.toString(), observations.size() == 3
                && observations.stream().allMatch(line -> line.contains(" urn:ngsi-ld:IndoorEnvironmentObserved:demo:")));

        assertTrue(console("hub:tenant-add --ags 05515000 --contact opendata@musterstadt.example musterstadt "
                + "\"Stadt Musterstadt\"").contains("Tenant musterstadt registered: Stadt Musterstadt"));
        assertTrue(plain(console("hub:tenants --no-format"))
                .anyMatch(line -> line.equals("musterstadt Stadt Musterstadt 05515000 opendata@musterstadt.example")));
        assertTrue(console("hub:tenant-remove musterstadt").contains("Tenant musterstadt removed"));

        Path csv = Path.of(System.getProperty("karaf.base"), "it-devices.csv");
        Files.writeString(csv, "deviceId,deviceType,tenant,entityType,localId,longitude,latitude,name\n"
                + "a84041000181a001,dragino-lht65,demo,IndoorEnvironmentObserved,cold-room-9,7.62,51.96,Kühlraum 9\n");
        assertTrue(console("hub:device-import " + csv).contains("1 devices registered"));
        assertTrue(console("hub:device-add a84041000181a002 dragino-lht65 demo IndoorEnvironmentObserved cold-room-10")
                .contains("Device a84041000181a002 registered: urn:ngsi-ld:IndoorEnvironmentObserved:demo:cold-room-10"));
        assertTrue(plain(console("hub:devices --no-format --tenant demo")).anyMatch(line -> line.startsWith("a84041000181a001 ")));
        assertTrue(console("hub:device-remove a84041000181a002").contains("Device a84041000181a002 removed"));

        await("store transactions in the stats", () -> plain(console("hub:stats --no-format"))
                .anyMatch(line -> line.matches("store transactions [1-9]\\d*")));
        String stats = console("hub:stats --no-format");
        assertTrue(stats, plain(stats).anyMatch(line -> line.matches("store buffer depth \\d+ / \\d+")));
        assertTrue(stats, plain(stats).anyMatch(line -> line.matches("transaction ms p95 \\d+\\.\\d\\d")));
    }

    @Test
    public void i_aTenantsRouteFileRunsIsReplacedWhenChangedFailsVisiblyAndStopsWhenDeleted() throws Exception {
        String instance = "route-file.musterstadt-glue";
        Path file = Path.of(System.getProperty("karaf.etc"), "urbanhub", "routes", "musterstadt", "glue.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, glueRoutes(1000));
        CamelContext glue = hub().awaitRunning(instance);
        assertEquals("timer://glue?period=1000", glue.getRoute("glue").getEndpoint().getEndpointUri());
        assertTrue(adapterLine(instance), adapterLine(instance).startsWith(instance + " musterstadt route-file RUNNING"));

        Files.writeString(file, glueRoutes(30000));
        CamelContext changed = hub().awaitReplaced(instance, glue);
        assertEquals("timer://glue?period=30000", changed.getRoute("glue").getEndpoint().getEndpointUri());

        Files.writeString(file, "<routes xmlns=\"http://camel.apache.org/schema/xml-io\"><route id=\"glue\">"
                + "<from uri=\"timer:glue\"/><nonsense/></route></routes>");
        await("the broken file to fail its instance", () -> adapterLine(instance).contains(" FAILED "));
        assertTrue(adapterLine(instance), adapterLine(instance).contains("nonsense"));

        Files.delete(file);
        hub().awaitGone(instance);
        await("the instance to leave hub:adapters", () -> adapterLine(instance).isEmpty());
    }

    @Test
    public void j_anOperatorAddedOnTheConsoleRunsTheCommandsOverSshAndThroughBinClient() throws Exception {
        String password = "op-" + UUID.randomUUID();
        // how the users.properties header tells admins to add an account
        console("jaas:realm-manage --realm karaf --module org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;"
                + " jaas:user-add operator " + password + "; jaas:group-add operator admingroup; jaas:update");
        hub().awaitRunning(DEMO);
        String port = System.getProperty(SSH_PORT_PROPERTY);

        String adapters = sshOnceAccepted(port, "operator", password, "hub:adapters --no-format");
        assertTrue(adapters, plain(adapters).anyMatch(line -> line.startsWith(DEMO + " - mqtt-heartbeat RUNNING")));
        String stats = ssh(port, "operator", password, "hub:stats --no-format");
        assertTrue(stats, plain(stats).anyMatch(line -> line.matches("store buffer depth \\d+ / \\d+")));

        String printed = binClient(port, password, null, "hub:adapters --no-format");
        assertTrue(printed, plain(printed).anyMatch(line -> line.startsWith(DEMO + " - mqtt-heartbeat RUNNING")));
        // batch mode, as scripts use it: the commands on standard input
        String batch = binClient(port, password, "hub:adapters --no-format\nhub:stats --no-format\n", "-b");
        assertTrue(batch, plain(batch).anyMatch(line -> line.startsWith(DEMO + " - mqtt-heartbeat RUNNING")));
        assertTrue(batch, plain(batch).anyMatch(line -> line.matches("store buffer depth \\d+ / \\d+")));

        try {
            throw new AssertionError("a wrong password let in: " + ssh(port, "operator", "karaf", "hub:tenants"));
        } catch (SshException refused) {
            System.out.println("$ ssh -p " + port + " operator@127.0.0.1 with a wrong password\n" + refused.getMessage());
        }
    }

    @Test
    public void k_aSecretKeptInAFileOfItsOwnReachesTheServiceWhileTheCfgFileHoldsOnlyTheReference() throws Exception {
        String secret = "broker-" + UUID.randomUUID();
        String pid = "io.urbanhub.it.secret";
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Path secretFile = etc.resolve("it-broker-password");
        Path cfg = etc.resolve(pid + ".cfg");
        Files.writeString(secretFile, secret);
        BlockingQueue<Dictionary<String, ?>> delivered = new LinkedBlockingQueue<>();
        ManagedService service = properties -> {
            if (properties != null) {
                delivered.add(properties);
            }
        };
        ServiceRegistration<ManagedService> registration = bundleContext.registerService(ManagedService.class, service,
                new Hashtable<>(Map.of(Constants.SERVICE_PID, pid)));
        try {
            Files.writeString(cfg, "username = hub\npassword = $[secret:it-broker-password]\n");
            Dictionary<String, ?> received = delivered.poll(30, TimeUnit.SECONDS);
            assertTrue("the configuration reached the service", received != null);
            assertEquals(secret, received.get("password"));
            assertFalse(Files.readString(cfg), Files.readString(cfg).contains(secret));
        } finally {
            registration.unregister();
            Files.delete(cfg);
            Files.delete(secretFile);
        }
    }

    /** Karaf's own SSH client; it closes the session when its standard input ends, so that is left open unless given. */
    private static String binClient(String port, String password, String input, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("karaf.home"), "bin", "client").toString(),
                "-h", "127.0.0.1", "-a", port, "-u", "operator", "-p", password));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("bin-client", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        process.getOutputStream().close();
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertTrue("bin/client ended within a minute: " + printed, ended);
        System.out.println("$ bin/client -a " + port + " -u operator " + String.join(" ", arguments)
                + (input == null ? "" : " <<< " + input.strip().replace('\n', ';')) + "\n" + printed);
        assertEquals(printed, 0, process.exitValue());
        return printed;
    }

    /** One command over SSH, as {@code ssh -p port user@127.0.0.1 command} runs it. */
    /** The console's account change reaches the SSH server's realm a moment later on a busy machine. */
    private static String sshOnceAccepted(String port, String user, String password, String command) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return ssh(port, user, password, command);
            } catch (SshException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
    }

    private static String ssh(String port, String user, String password, String command) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (ClientSession session = client.connect(user, "127.0.0.1", Integer.parseInt(port)).verify(Duration.ofSeconds(10))
                .getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(Duration.ofSeconds(10));
            String output = session.executeRemoteCommand(command);
            System.out.println("$ ssh -p " + port + " " + user + "@127.0.0.1 " + command + "\n" + output);
            return output;
        } finally {
            client.stop();
        }
    }

    private static Properties users() throws Exception {
        Properties users = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(System.getProperty("karaf.etc"), "users.properties"))) {
            users.load(reader);
        }
        return users;
    }

    private static String glueRoutes(long periodMillis) {
        return "<routes xmlns=\"http://camel.apache.org/schema/xml-io\">\n"
                + "  <route id=\"glue\">\n"
                + "    <from uri=\"timer:glue?period=" + periodMillis + "\"/>\n"
                + "    <log message=\"glue of musterstadt\"/>\n"
                + "  </route>\n"
                + "</routes>\n";
    }

    private String console(String command) throws Exception {
        String output = Console.execute(sessionFactory, command);
        // the sample output in the test log shows what an admin sees
        System.out.println("karaf@urbanhub()> " + command + "\n" + output);
        return output;
    }

    /** What the console reports when a command refuses. */
    private String refusal(String command) {
        try {
            throw new AssertionError(command + " should have refused, but printed " + Console.execute(sessionFactory, command));
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            System.out.println("karaf@urbanhub()> " + command + "\nError executing command: " + e.getMessage());
            return String.valueOf(e.getMessage());
        }
    }

    private String adapterLine(String instance) throws Exception {
        return plain(console("hub:adapters --no-format")).filter(line -> line.startsWith(instance + " ")).findFirst().orElse("");
    }

    /** The lines of --no-format output with each run of blanks as one space, however the table pads its columns. */
    private static Stream<String> plain(String output) {
        return output.lines().map(line -> line.strip().replaceAll("\\s+", " "));
    }

    private static String idOf(String deadLetters, String reason) {
        return plain(deadLetters).filter(line -> line.endsWith(reason)).map(line -> line.split(" ")[0]).findFirst()
                .orElseThrow(() -> new AssertionError("No dead letter '" + reason + "' in\n" + deadLetters));
    }

    private static void writeHeartbeatConfig(Path config, long periodMillis, String... moreLines) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "brokerUrl = " + System.getProperty(Distribution.BROKER_PROPERTY),
                "topic = urbanhub/it/" + UUID.randomUUID(),
                "periodMillis = " + periodMillis));
        lines.addAll(List.of(moreLines));
        Files.writeString(config, String.join("\n", lines) + "\n");
    }
}
