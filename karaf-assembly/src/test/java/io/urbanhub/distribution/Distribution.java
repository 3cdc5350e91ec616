package io.urbanhub.distribution;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /** The tenants the tests query, each with an API key configured as an operator may: a file in etc/. */
    private static final List<String> KEY_TENANTS = List.of("itcity", "demo", "musterstadt", "aachen");

    private Distribution() {
    }

    /** The API key of the tenant, with write access to all its types. */
    static String apiKey(String tenant) {
        return "it" + tenant + ".key-for-the-tests-of-" + tenant;
    }

    private static List<Option> apiKeys() {
        List<Option> options = new ArrayList<>();
        for (String tenant : KEY_TENANTS) {
            String file = "etc/io.urbanhub.rest.apikey-it-" + tenant + ".cfg";
            options.add(editConfigurationFilePut(file, "keyId", "it" + tenant));
            options.add(editConfigurationFilePut(file, "keyHash", sha256(apiKey(tenant))));
            options.add(editConfigurationFilePut(file, "tenant", tenant));
            options.add(editConfigurationFilePut(file, "access", "write"));
            options.add(editConfigurationFilePut(file, "description", "integration tests"));
        }
        return options;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        options.addAll(apiKeys());
        options.addAll(List.of(extra));
        return options.toArray(Option[]::new);
    }
}
