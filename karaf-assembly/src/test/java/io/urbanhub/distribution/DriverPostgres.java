package io.urbanhub.distribution;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

import io.urbanhub.testing.TestPostgres;

/**
 * A fresh PostgreSQL database for each distribution under test: the local server's, else an embedded one
 * in the test driver's JVM. Each gets its own, because every distribution runs the demo, whose simulated
 * uplinks start at the same frame counters and would be duplicates in a shared store. The options point the
 * hub's DataSource at it as an operator would, in etc/org.ops4j.datasource-urbanhub.cfg.
 */
final class DriverPostgres {

    private DriverPostgres() {
    }

    static synchronized Option[] storeOptions() {
        TestPostgres postgres = TestPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        String file = "etc/org.ops4j.datasource-urbanhub.cfg";
        List<Option> options = new ArrayList<>(List.of(
                editConfigurationFilePut(file, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(file, "url", postgres.jdbcUrl()),
                editConfigurationFilePut(file, "user", postgres.username())));
        if (postgres.password() != null && !postgres.password().isEmpty()) {
            options.add(editConfigurationFilePut(file, "password", postgres.password()));
        }
        return options.toArray(Option[]::new);
    }
}
