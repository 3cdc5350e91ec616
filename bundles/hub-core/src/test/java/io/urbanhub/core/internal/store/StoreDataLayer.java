package io.urbanhub.core.internal.store;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;

/**
 * The data layer's writes straight into a real store, so that an adapter's test reads back what it handed over;
 * shared with the adapters' tests through this module's test jar.
 */
public final class StoreDataLayer implements DataLayer {

    private final JdbcStore store;

    public StoreDataLayer(JdbcStore store) {
        this.store = store;
    }

    @Override
    public Receipt accept(Input input, List<Observation> observations) {
        try {
            return store.store(input, observations);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CompletionStage<Receipt> submit(Input input, List<Observation> observations) {
        return CompletableFuture.completedFuture(accept(input, observations));
    }

    @Override
    public Receipt reject(Input input, String reason) {
        try {
            store.deadLetter(input, reason, MAX_PAYLOAD_BYTES);
            return Receipt.DEAD_LETTER;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
