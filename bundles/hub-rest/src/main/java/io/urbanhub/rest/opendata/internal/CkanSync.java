package io.urbanhub.rest.opendata.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/** Creates or updates the CKAN package of every open type of one tenant. */
final class CkanSync implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CkanSync.class);

    private final OpenDataCatalog catalog;
    private final String tenant;
    private final String organization;
    private final CkanClient ckan;

    CkanSync(OpenDataCatalog catalog, String tenant, String organization, CkanClient ckan) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is missing");
        }
        if (organization == null || organization.isBlank()) {
            throw new IllegalArgumentException("organization is missing");
        }
        this.catalog = catalog;
        this.tenant = tenant.trim();
        this.organization = organization.trim();
        this.ckan = ckan;
    }

    /** Runs on the scheduler: whatever fails is logged with its reason and tried again next time. */
    @Override
    public void run() {
        publishAll();
    }

    /** The packages that could not be published, with the reason. */
    Map<String, String> publishAll() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (OpenDataset dataset : catalog.datasets(tenant)) {
            String name = CkanPackages.name(dataset);
            try {
                publish(dataset);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failures;
            } catch (IOException | RuntimeException e) {
                failures.put(name, String.valueOf(e.getMessage()));
                LOG.warn("CKAN package {} of {} not published, tried again at the next interval: {}", name, tenant, e.getMessage());
            }
        }
        return failures;
    }

    private void publish(OpenDataset dataset) throws IOException, InterruptedException {
        String name = CkanPackages.name(dataset);
        Optional<JsonNode> existing = ckan.show(name);
        PublisherSettings publisher = catalog.publisher(tenant);
        if (existing.isEmpty()) {
            ckan.create(CkanPackages.of(dataset, publisher, catalog.licenceUri(), organization, null));
            LOG.info("Created CKAN package {} of {}", name, tenant);
        } else {
            ckan.update(CkanPackages.of(dataset, publisher, catalog.licenceUri(), organization, existing.get()));
            LOG.debug("Updated CKAN package {} of {}", name, tenant);
        }
    }
}
