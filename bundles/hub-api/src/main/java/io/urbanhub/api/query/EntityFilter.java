package io.urbanhub.api.query;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which entities a query asks for; an empty set or a {@code null} pattern or place does not restrict.
 *
 * @param idPattern a regular expression the whole entity id must match
 * @param near      where the entities must be
 */
public record EntityFilter(Set<String> types, Set<String> ids, String idPattern, GeoNear near) {

    public EntityFilter(Set<String> types, Set<String> ids, String idPattern) {
        this(types, ids, idPattern, null);
    }

    public EntityFilter {
        types = Set.copyOf(types);
        ids = Set.copyOf(ids);
        if (idPattern != null) {
            try {
                Pattern.compile(idPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("idPattern is not a regular expression: " + e.getDescription());
            }
        }
    }
}
