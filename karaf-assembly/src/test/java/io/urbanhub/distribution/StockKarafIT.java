package io.urbanhub.distribution;

import static io.urbanhub.distribution.InContainer.await;
import static io.urbanhub.distribution.InContainer.completedExchanges;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.File;
import java.net.URI;
import java.util.UUID;

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
import org.osgi.framework.BundleContext;

/** The hub's features repository, added to an unmodified Apache Karaf, installs and runs. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafIT {

    @Inject
    BundleContext bundleContext;

    @Inject
    FeaturesService features;

    @Configuration
    public Option[] stockKaraf() {
        String hubRepository = new File(System.getProperty("urbanhub.repository")).toURI().toString();
        String config = "etc/io.urbanhub.route.mqtt.heartbeat-stock.cfg";
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("karaf.stock.distribution")).toURI().toString())
                        .name("Apache Karaf")
                        .unpackDirectory(new File("target/exam-stock"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.repo.local")),
                // no remote repositories: what the container needs is on board or in the build's repository
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                // the freshly built bundles, as an integrator's repository would serve them
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                                + hubRepository + "@id=urbanhub@snapshots"),
                editConfigurationFilePut(config, "brokerUrl", DriverBroker.url()),
                editConfigurationFilePut(config, "topic", "urbanhub/it/" + UUID.randomUUID()),
                editConfigurationFilePut(config, "periodMillis", "300"),
                systemProperty("urbanhub.version").value(System.getProperty("urbanhub.version")));
    }

    @Test
    public void featureRepoAddAndInstallRunTheAdaptersOnTheDefaultStore() throws Exception {
        String version = System.getProperty("urbanhub.version");
        features.addRepository(URI.create("mvn:io.urbanhub/hub-features/" + version + "/xml/features"));
        features.installFeature("hub-route-mqtt-heartbeat");
        HeartbeatCheck.assertHeartbeatsComeBack(bundleContext, "mqtt-heartbeat.stock");
    }

    /** Loaded only once Camel is installed: the probe cannot see Camel's classes before. */
    static final class HeartbeatCheck {

        static void assertHeartbeatsComeBack(BundleContext bundleContext, String contextName) {
            CamelContext context = new InContainer(bundleContext).awaitRunning(contextName);
            await("heartbeats to come back through the broker", () -> completedExchanges(context, "receive") >= 2);
        }
    }
}
