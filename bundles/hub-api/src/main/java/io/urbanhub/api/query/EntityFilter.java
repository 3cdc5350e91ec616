package io.urbanhub.api.query;

import java.util.List;
import java.util.Set;

/**
 * Which entities a query asks for; an empty set or list or a {@code null} pattern or place does not restrict.
 *
 * @param idPattern a regular expression the whole entity id must match, bounded as {@link IdPatterns} says
 * @param geo       where the entities must be
 * @param q         conditions on current values: any of the inner lists (or) whose conditions all hold (and)
 */
public record EntityFilter(Set<String> types, Set<String> ids, String idPattern, GeoCondition geo,
                           List<List<AttributeCondition>> q) {

    public EntityFilter(Set<String> types, Set<String> ids, String idPattern) {
        this(types, ids, idPattern, null, List.of());
    }

    /** The constructor of version 1.1, kept so that bundles built against it still link. */
    public EntityFilter(Set<String> types, Set<String> ids, String idPattern, GeoNear near,
                        List<List<AttributeCondition>> q) {
        this(types, ids, idPattern, (GeoCondition) near, q);
    }

    public EntityFilter {
        types = Set.copyOf(types);
        ids = Set.copyOf(ids);
        q = q.stream().map(List::copyOf).toList();
        if (idPattern != null) {
            IdPatterns.compile(idPattern);
        }
    }

    /**
     * The accessor of version 1.1, kept so that bundles built against it still link.
     *
     * @deprecated use {@link #geo()}, which also carries the other relations
     */
    @Deprecated
    public GeoNear near() {
        return geo instanceof GeoNear near ? near : null;
    }
}
