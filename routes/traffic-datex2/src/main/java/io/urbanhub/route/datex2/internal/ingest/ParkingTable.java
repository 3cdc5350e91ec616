package io.urbanhub.route.datex2.internal.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.urbanhub.route.datex2.internal.parse.ParkingSite;
import io.urbanhub.route.datex2.internal.parse.ParkingStatus;

/**
 * The static parking records of one feed, and the statuses that came before their record: those wait,
 * bounded, and are handed out when the table arrives. Records are matched by id; MDM publications refer to
 * a facility {@code 1035} as {@code 1035[P+R Bondorf]}, so a bracketed name after the id is ignored.
 */
final class ParkingTable {

    static final int MAX_WAITING = 10_000;

    private final Map<String, ParkingSite> sites = new ConcurrentHashMap<>();
    private final Map<String, ParkingStatus> waiting = new LinkedHashMap<>();

    /** Remembers the site and returns the status that waited for it, if one did. */
    synchronized Optional<ParkingStatus> site(ParkingSite site) {
        sites.put(key(site.id()), site);
        return Optional.ofNullable(waiting.remove(key(site.id())));
    }

    Optional<ParkingSite> find(String siteId) {
        return Optional.ofNullable(sites.get(key(siteId)));
    }

    /**
     * Keeps a status whose site is not known yet; only the newest per site. When too many wait, the oldest
     * gives way: it is stored already, only without its table's place and capacity.
     */
    synchronized void await(ParkingStatus status) {
        ParkingStatus before = waiting.remove(key(status.siteId()));
        if (before != null && before.observedAt() != null && status.observedAt() != null
                && before.observedAt().isAfter(status.observedAt())) {
            status = before;
        }
        waiting.put(key(status.siteId()), status);
        if (waiting.size() > MAX_WAITING) {
            waiting.remove(waiting.keySet().iterator().next());
        }
    }

    /** The id a record is known by: without the bracketed name MDM references add. */
    static String key(String id) {
        int bracket = id.indexOf('[');
        return bracket > 0 && id.endsWith("]") ? id.substring(0, bracket) : id;
    }

    synchronized List<ParkingStatus> waiting() {
        return List.copyOf(waiting.values());
    }
}
