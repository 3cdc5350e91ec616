package io.urbanhub.route.meter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.StoreDataLayer;

/** Files fetched from a real SFTP server on loopback (Apache MINA SSHD), whose host key is checked. */
class MeterReadingsSftpIT {

    private static final String USER = "stadtwerke";
    /** Characters that mean something in a URI, which the password must survive. */
    private static final String PASSWORD = "s3cr&t+pass=?word%";

    @TempDir
    Path root;

    @TempDir
    Path hub;

    private SshServer server;
    private KeyPair hostKey;
    private TestStore test;
    private JdbcStore store;

    @BeforeEach
    void startServer() throws Exception {
        hostKey = KeyPairGenerator.getInstance("EC").generateKeyPair();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        Files.createDirectories(root.resolve("outbox"));

        test = new TestStore();
        store = test.store;
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(true);
    }

    @Test
    void csvAndMsconsFilesAreFetchedOnceEachEvenAfterARestart() throws Exception {
        deliver("readings-and-load-profile.edi");
        Files.writeString(root.resolve("outbox/wasserzaehler.csv"), "meter;time;value\nWZ-4711;01.12.2026 00:00;1.240,125\n",
                StandardCharsets.UTF_8);

        try (CamelContext context = start(knownHosts(hostKey.getPublic()))) {
            TestStore.awaitTrue(() -> Files.exists(root.resolve("outbox/.imported/readings-and-load-profile.edi"))
                    && Files.exists(root.resolve("outbox/.imported/wasserzaehler.csv")));
        }
        // one value each, but the electricity reading's meterType besides its consumption
        assertEquals(8, observations());
        assertTrue(store.reads().entity("stadtwerke", "urn:ngsi-ld:WaterConsumptionObserved:stadtwerke:WZ-4711").isPresent());

        // the utility delivers the same file again; the adapter has been restarted meanwhile
        deliver("readings-and-load-profile.edi");
        try (CamelContext context = start(knownHosts(hostKey.getPublic()))) {
            Thread.sleep(3_000);
        }
        assertTrue(Files.exists(root.resolve("outbox/readings-and-load-profile.edi")), "a known file is not fetched again");
        assertEquals(8, observations());
        assertEquals(List.of(), store.reads().deadLetters("stadtwerke", 10).stream().map(DeadLetter::reason).toList());
    }

    @Test
    void aServerWithAnotherHostKeyIsNotTrusted() throws Exception {
        deliver("readings-and-load-profile.edi");
        PublicKey impostor = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();

        try (CamelContext context = start(knownHosts(impostor))) {
            Thread.sleep(3_000);
        }
        assertTrue(Files.exists(root.resolve("outbox/readings-and-load-profile.edi")), "nothing fetched");
        assertEquals(0, observations());
    }

    private void deliver(String name) throws Exception {
        try (InputStream file = getClass().getResourceAsStream("/mscons/" + name)) {
            Files.copy(file, root.resolve("outbox").resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path knownHosts(PublicKey key) throws Exception {
        Path file = Files.createTempFile(hub, "known_hosts", "");
        Files.writeString(file, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
        return file;
    }

    private CamelContext start(Path knownHosts) throws Exception {
        TestSettings settings = new TestSettings();
        settings.sftpUrl = "sftp://127.0.0.1:" + server.getPort() + "/outbox";
        settings.sftpUsername = USER;
        settings.sftpPassword = PASSWORD;
        settings.sftpKnownHostsFile = knownHosts.toString();
        settings.stateFolder = hub.toString();
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("utility-meter-readings.stadtwerke");
        context.addRoutes(new MeterReadingsRoutes(settings, new StoreDataLayer(store)));
        context.start();
        return context;
    }

    private long observations() throws Exception {
        return test.observations("stadtwerke");
    }
}
