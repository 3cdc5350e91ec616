package io.urbanhub.api.admin;

import org.osgi.annotation.versioning.ProviderType;

/** How the data layer's pipeline is doing right now, for the console and monitoring. */
@ProviderType
public interface DataLayerStatistics {

    PipelineStats pipeline();

    /** The spool that keeps accepted inputs while the database is away. */
    default SpoolStats spool() {
        return SpoolStats.NONE;
    }
}
