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

/** How the tests boot the distribution that users start: the assembly's tar.gz, unchanged but for test settings. */
final class Distribution {

    /** The test broker's URL, as the container sees it. */
    static final String BROKER_PROPERTY = "urbanhub.it.broker";

    private Distribution() {
    }

    static Option[] options(Option... extra) {
        String brokerUrl = DriverBroker.url();
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
                systemProperty(BROKER_PROPERTY).value(brokerUrl)));
        options.addAll(List.of(extra));
        return options.toArray(Option[]::new);
    }
}
