package io.urbanhub.api.admin;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface AdapterStatistics {

    /** Counts by adapter instance name. */
    Map<String, AdapterCounts> counts();
}
