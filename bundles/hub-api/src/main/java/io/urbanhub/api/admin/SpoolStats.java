package io.urbanhub.api.admin;

/**
 * The store's on-disk spool: where accepted inputs wait while the database is away.
 *
 * @param databaseReachable whether the last write or probe reached the database
 * @param spooledInputs     inputs in the spool, not yet in the store
 * @param spooledBytes      bytes the spool holds on disk
 * @param maxBytes          bytes it may hold; when full, inputs fail and are not acknowledged
 */
public record SpoolStats(boolean databaseReachable, long spooledInputs, long spooledBytes, long maxBytes) {

    /** No spool, or nothing in it, with the database reachable. */
    public static final SpoolStats NONE = new SpoolStats(true, 0, 0, 0);

    /** Whether the store is in an outage or still writing what it spooled during one. */
    public boolean spooling() {
        return spooledInputs > 0 || !databaseReachable;
    }
}
