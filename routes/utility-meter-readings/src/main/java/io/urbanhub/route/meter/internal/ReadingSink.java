package io.urbanhub.route.meter.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;

/**
 * Hands one file's readings to the data layer without waiting for each write, and keeps its bad records as
 * dead letters. {@link #finish} returns once every reading of the file is durable, so the file is moved only then.
 * A reading's message id is its meter, what was measured and when: delivered again in another file, it is a duplicate.
 */
final class ReadingSink {

    record Result(int stored, int duplicates, int deadLetters) {
    }

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._~:-]");

    private final String adapter;
    private final String tenant;
    private final String system;
    private final DataLayer dataLayer;
    private final List<CompletableFuture<Receipt>> pending = new ArrayList<>();
    private int deadLetters;

    ReadingSink(String adapter, String tenant, String system, DataLayer dataLayer) {
        this.adapter = adapter;
        this.tenant = tenant;
        this.system = system;
        this.dataLayer = dataLayer;
    }

    /** One meter's reading of one property; {@code measured} names what was measured, e.g. an OBIS code. */
    void reading(String meter, String measured, String entityType, Instant at, Map<String, Property> values,
                 String record) {
        Source source = new Source(adapter, system, meter, measured.isEmpty() ? "reading:" + at : measured + "@" + at);
        Observation reading = new Observation(new EntityId(entityType, tenant, NOT_ALLOWED.matcher(meter).replaceAll("_")), at,
                values, null, source);
        pending.add(dataLayer.submit(new Input(tenant, source, Instant.now(), record.getBytes(StandardCharsets.UTF_8)),
                List.of(reading)).toCompletableFuture());
    }

    void reject(String reason, String record) {
        dataLayer.reject(new Input(tenant, new Source(adapter, system, null, null), Instant.now(),
                record.getBytes(StandardCharsets.UTF_8)), reason);
        deadLetters++;
    }

    /** Waits for every reading handed over; fails if the store could not take one, so the file is not moved away. */
    Result finish() {
        int stored = 0;
        int duplicates = 0;
        int rejected = deadLetters;
        for (CompletableFuture<Receipt> receipt : pending) {
            switch (receipt.join()) {
                // a spooled reading is durable and will be stored: the file may go
                case STORED, SPOOLED -> stored++;
                case DUPLICATE -> duplicates++;
                case DEAD_LETTER -> rejected++;
            }
        }
        pending.clear();
        return new Result(stored, duplicates, rejected);
    }
}
