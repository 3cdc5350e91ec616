package io.urbanhub.api.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The temporal evolution of a tenant's entities, from the stored time series. */
@ProviderType
public interface TemporalQueries {

    /**
     * The values of one entity's attributes in a time range, newest first per attribute.
     *
     * @param attributes only these, or all when empty
     * @param lastN      at most this many values per attribute, the newest ones
     * @return the entity's type and its values, or empty when the tenant has no such entity
     */
    Optional<History> history(String tenant, String entityId, Set<String> attributes, TimeRange range, int lastN);

    /**
     * The values of all entities of one type in a time range, oldest first, at most {@code limit}.
     *
     * @return pairs of entity id and value
     */
    List<EntityValue> valuesOfType(String tenant, String entityType, TimeRange range, int limit);

    /**
     * The numeric values of one entity's attributes, aggregated per period; periods start at the range's
     * start (or at the epoch when the range is open) and are left out when they hold no value.
     *
     * @return the entity's type and its aggregates, or empty when the tenant has no such entity
     */
    Optional<Aggregated> aggregate(String tenant, String entityId, Set<String> attributes, TimeRange range,
                                   java.time.Duration period);

    record Aggregated(String entityType, List<Aggregate> aggregates) {

        public Aggregated {
            aggregates = List.copyOf(aggregates);
        }
    }

    record EntityValue(String entityId, AttributeValue value) {
    }

    record History(String entityType, List<AttributeValue> values) {

        public History {
            values = List.copyOf(values);
        }
    }
}
