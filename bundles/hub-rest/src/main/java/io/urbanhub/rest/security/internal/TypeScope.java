package io.urbanhub.rest.security.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** The entity types of one tenant a caller may reach: none, some, or all. */
public final class TypeScope {

    static final TypeScope NONE = new TypeScope(false, Set.of());
    static final TypeScope ALL = new TypeScope(true, Set.of());

    private final boolean all;
    private final Set<String> types;

    private TypeScope(boolean all, Set<String> types) {
        this.all = all;
        this.types = types;
    }

    static TypeScope of(Set<String> types) {
        return types.isEmpty() ? NONE : new TypeScope(false, Set.copyOf(types));
    }

    public boolean isNone() {
        return !all && types.isEmpty();
    }

    public boolean isAll() {
        return all;
    }

    public boolean allows(String type) {
        return all || types.contains(type);
    }

    public boolean allowsAll(Set<String> wanted) {
        return all || types.containsAll(wanted);
    }

    /** The types a query may cover: the ones asked for, or, when none were asked for, all the scope holds. */
    public Set<String> narrow(Set<String> requested) {
        if (isNone() || !allowsAll(requested)) {
            // an empty answer would mean all types to a query
            throw new IllegalStateException("Check isNone and allowsAll first");
        }
        return all || !requested.isEmpty() ? requested : types;
    }

    /** The types it names; empty for {@link #ALL} and {@link #NONE}. */
    public Set<String> types() {
        return types;
    }

    TypeScope union(TypeScope other) {
        if (all || other.all) {
            return ALL;
        }
        Set<String> both = new HashSet<>(types);
        both.addAll(other.types);
        return of(both);
    }

    @Override
    public String toString() {
        return all ? "all types" : isNone() ? "no types" : String.join(", ", new TreeSet<>(types));
    }
}
