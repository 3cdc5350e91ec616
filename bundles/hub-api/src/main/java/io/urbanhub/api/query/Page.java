package io.urbanhub.api.query;

import java.util.List;

/**
 * One page of a query's results.
 *
 * @param total how many results the query has in all, or -1 when it was not counted
 */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
