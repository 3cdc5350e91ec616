package io.urbanhub.distribution;

import static io.urbanhub.distribution.InContainer.await;
import static io.urbanhub.distribution.InContainer.completedExchanges;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Adapters a municipal IT provider published as a Maven repository install into an unmodified Apache
 * Karaf that reads that repository and nothing else of the hub's: no local Maven repository of the
 * build, no Maven Central.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafIT {

    private static final String MVN_CFG = "etc/org.ops4j.pax.url.mvn.cfg";
    private static final String SHARED = "urbanhub.sharedRepository";
    private static final String LOCAL = "urbanhub.it.localRepository";

    @Inject
    BundleContext bundleContext;

    @Inject
    FeaturesService features;

    @Configuration
    public Option[] stockKaraf() {
        File shared = new File(System.getProperty(SHARED)).getAbsoluteFile();
        File exam = new File(System.getProperty("urbanhub.examRepository")).getAbsoluteFile();
        File local = emptyDirectory(new File("target/exam-stock-local-repository").getAbsoluteFile());
        File settings = new File(local.getParentFile(), "exam-stock-settings.xml");
        write(settings, "<settings/>\n");
        String config = "etc/io.urbanhub.route.mqtt.heartbeat-stock.cfg";
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("karaf.stock.distribution")).toURI().toString())
                        .name("Apache Karaf")
                        .unpackDirectory(new File("target/exam-stock"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                // starts empty, so whatever lands here was fetched from a remote repository
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.localRepository", local.getPath()),
                // no mirrors or profiles of the machine's own Maven settings
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.settings", settings.getPath()),
                // the published repository, added as another hub's admin adds it: the only remote one
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.repositories",
                        shared.toURI() + "@id=kdn@snapshots"),
                // Karaf's own system folder, and Pax Exam's bundles (no hub artifacts) for the test probe
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                                + exam.toURI() + "@id=exam"),
                editConfigurationFilePut(config, "brokerUrl", DriverBroker.url()),
                editConfigurationFilePut(config, "topic", "urbanhub/it/" + UUID.randomUUID()),
                editConfigurationFilePut(config, "periodMillis", "300"),
                systemProperty("urbanhub.version").value(System.getProperty("urbanhub.version")),
                systemProperty(SHARED).value(shared.getPath()),
                systemProperty(LOCAL).value(local.getPath()));
    }

    @Test
    public void adaptersInstallFromThePublishedRepositoryAloneAndRun() throws Exception {
        String version = System.getProperty("urbanhub.version");
        features.addRepository(URI.create("mvn:io.urbanhub/hub-features/" + version + "/xml/features"));
        // in one go, as an admin would: installing the second alone would refresh what the first started
        features.installFeatures(Set.of("hub-route-mqtt-heartbeat", "hub-route-kdn-open311"),
                EnumSet.noneOf(FeaturesService.Option.class));

        HeartbeatCheck.assertHeartbeatsComeBack(bundleContext, "mqtt-heartbeat.stock");
        assertEquals(Bundle.ACTIVE, bundle("io.urbanhub.route.kdn.open311").getState());
        assertEquals("mvn:io.urbanhub/hub-route-mqtt-heartbeat/" + version,
                bundle("io.urbanhub.route.mqtt.heartbeat").getLocation());

        Path shared = Path.of(System.getProperty(SHARED));
        Path local = Path.of(System.getProperty(LOCAL));
        Path system = Path.of(System.getProperty("karaf.home"), "system");
        List<String> hubArtifacts = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getLocation().startsWith("mvn:io.urbanhub/")) {
                String path = repositoryPath(bundle.getLocation());
                hubArtifacts.add(path);
                assertTrue(path + " is published", Files.isRegularFile(shared.resolve(path)));
                assertTrue(path + " was fetched from the published repository", Files.isRegularFile(local.resolve(path)));
                assertFalse(path + " is not on board of the stock Karaf", Files.exists(system.resolve(path)));
            }
        }
        assertTrue("the adapters and the platform came from the published repository: " + hubArtifacts,
                hubArtifacts.size() >= 6);
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(bundleContext.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No bundle " + symbolicName));
    }

    /** mvn:group/artifact/version to the jar's path in a Maven repository. */
    private static String repositoryPath(String location) {
        String[] gav = location.substring("mvn:".length()).split("/");
        return gav[0].replace('.', '/') + "/" + gav[1] + "/" + gav[2] + "/" + gav[1] + "-" + gav[2] + ".jar";
    }

    private static File emptyDirectory(File directory) {
        try {
            if (directory.exists()) {
                try (Stream<Path> paths = Files.walk(directory.toPath())) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(directory.toPath());
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(File file, String content) {
        try {
            Files.writeString(file.toPath(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded only once Camel is installed: the probe cannot see Camel's classes before. */
    static final class HeartbeatCheck {

        static void assertHeartbeatsComeBack(BundleContext bundleContext, String contextName) {
            CamelContext context = new InContainer(bundleContext).awaitRunning(contextName);
            await("heartbeats to come back through the broker", () -> completedExchanges(context, "receive") >= 2);
        }
    }
}
