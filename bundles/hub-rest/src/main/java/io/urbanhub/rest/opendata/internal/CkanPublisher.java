package io.urbanhub.rest.opendata.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.urbanhub.api.spi.Secrets;

/** One configured CKAN portal (etc/io.urbanhub.rest.opendata.ckan-*.cfg) that a tenant's open data is published to. */
@Component(configurationPid = "io.urbanhub.rest.opendata.ckan", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CkanConfig.class, factory = true)
public class CkanPublisher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ScheduledExecutorService scheduler;

    @Activate
    public CkanPublisher(@Reference OpenDataExport export, CkanConfig config) {
        if (config.intervalMinutes() < 1) {
            throw new IllegalArgumentException("intervalMinutes " + config.intervalMinutes() + " is less than 1");
        }
        CkanSync sync = new CkanSync(export.catalog(), config.tenant(), config.organization(),
                new CkanClient(config.ckanUrl(), Secrets.reveal(config.apiToken()), TIMEOUT));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hub-opendata-ckan");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(sync, 0, config.intervalMinutes(), TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }
}
