package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.Input;

/** The statements of one write transaction, as each database runs them best. */
interface BatchWrites {

    /** Claims every write's message id; false where it was claimed within the window, or earlier in the batch. */
    boolean[] claim(Connection connection, List<Write> writes) throws SQLException;

    void insertObservations(Connection connection, List<Write> writes) throws SQLException;

    /** Makes each observation its entity's state unless a newer one is stored; returns those that did. */
    List<Observation> upsertEntities(Connection connection, List<Observation> newest) throws SQLException;

    /** The current attribute values of the entities whose state changed. */
    void replaceCurrentValues(Connection connection, List<Observation> states) throws SQLException;

    /** Inputs without device and message id cannot be recognised again, so they are always new. */
    static boolean hasMessageId(Input input) {
        return input.source().messageId() != null && input.source().device() != null;
    }
}
