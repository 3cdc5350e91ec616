package io.urbanhub.distribution;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

import io.urbanhub.testing.LocalService;

/** How the tests boot the distribution that users start: the assembly's tar.gz, unchanged but for test settings. */
final class Distribution {

    /** The test broker's URL, as the container sees it. */
    static final String BROKER_PROPERTY = "urbanhub.it.broker";
    /** The base URL of the hub's HTTP service, on a free port. */
    static final String HTTP_PROPERTY = "urbanhub.it.http";
    /** The base URL of a subscriber's HTTP endpoint in the test driver (see DriverSubscriber). */
    static final String SUBSCRIBER_PROPERTY = "urbanhub.it.subscriber";
    /** The URL of the broker the demo brings along, on a free port so that parallel runs do not meet. */
    static final String DEMO_BROKER_PROPERTY = "urbanhub.it.demoBroker";

    private Distribution() {
    }

    static Option[] options(Option... extra) {
        String brokerUrl = DriverBroker.url();
        int demoPort = LocalService.freePort();
        int httpPort = LocalService.freePort();
        String demoBroker = "tcp://127.0.0.1:" + demoPort;
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("urbanhub.distribution")).toURI().toString())
                        .name("UrbanHub")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.repo.local")),
                // no remote repositories: what the container needs is on board or in the build's repository
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/io.urbanhub.demo.broker.cfg", "port", Integer.toString(demoPort)),
                editConfigurationFilePut("etc/io.urbanhub.demo.simulator-demo.cfg", "brokerUrl", demoBroker),
                editConfigurationFilePut("etc/io.urbanhub.route.lorawan.chirpstack-demo.cfg", "brokerUrl", demoBroker),
                editConfigurationFilePut("etc/io.urbanhub.route.mqtt.heartbeat-demo.cfg", "brokerUrl", demoBroker),
                editConfigurationFilePut("etc/io.urbanhub.core.cfg", "republish.brokerUrl", demoBroker),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(httpPort)),
                systemProperty(HTTP_PROPERTY).value("http://127.0.0.1:" + httpPort),
                systemProperty(DEMO_BROKER_PROPERTY).value(demoBroker),
                systemProperty(BROKER_PROPERTY).value(brokerUrl)));
        options.addAll(List.of(extra));
        return options.toArray(Option[]::new);
    }
}
