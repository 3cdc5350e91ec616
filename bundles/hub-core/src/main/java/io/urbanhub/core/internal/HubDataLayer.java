package io.urbanhub.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.AdapterCounts;
import io.urbanhub.api.admin.AdapterStatistics;
import io.urbanhub.api.admin.DataLayerQueries;
import io.urbanhub.api.admin.DataLayerStatistics;
import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.api.admin.EntitySummary;
import io.urbanhub.api.admin.PipelineStats;
import io.urbanhub.api.admin.SpoolStats;
import io.urbanhub.api.admin.StoredObservation;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.notify.ObservationListener;
import io.urbanhub.api.notify.StoredSubscription;
import io.urbanhub.api.notify.SubscriptionStore;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.api.spi.Secrets;
import io.urbanhub.core.internal.fanout.MqttRepublisher;
import io.urbanhub.core.internal.metrics.StoreMetrics;
import io.urbanhub.core.internal.store.BatchTimes;
import io.urbanhub.core.internal.store.JdbcReads;
import io.urbanhub.core.internal.store.JdbcStore;
import io.urbanhub.core.internal.store.JdbcSubscriptions;
import io.urbanhub.core.internal.store.StoreWriter;
import io.urbanhub.core.internal.store.Write;
import io.urbanhub.core.internal.store.spool.Outages;
import io.urbanhub.core.internal.store.spool.Spool;
import io.urbanhub.core.internal.store.spool.SpoolDrain;

/**
 * The data-layer pipeline: validate, then de-duplicate and store in batches through the store writer, then
 * republish. The store is the DataSource named {@code urbanhub} (etc/org.ops4j.datasource-urbanhub.cfg). While the
 * database is away, inputs go to an on-disk spool and are written to the store once it answers again.
 */
@Component(service = {DataLayer.class, DataLayerQueries.class, AdapterStatistics.class, DataLayerStatistics.class,
        EntityQueries.class,
        TemporalQueries.class, SubscriptionStore.class},
        configurationPid = "io.urbanhub.core", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CoreConfig.class)
public class HubDataLayer implements DataLayer, DataLayerQueries, AdapterStatistics, DataLayerStatistics, EntityQueries,
        TemporalQueries, SubscriptionStore {

    private static final Logger LOG = LoggerFactory.getLogger(HubDataLayer.class);

    private final JdbcStore store;
    private final JdbcReads reads;
    private final StoreWriter writer;
    private final Spool spool;
    private final SpoolDrain drain;
    private final JdbcSubscriptions subscriptions;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ObservationListener> listeners = List.of();
    private volatile StoreMetrics metrics;
    private AutoCloseable bufferGauge;
    private AutoCloseable spoolGauges;
    private final AdapterCounters counters = new AdapterCounters();
    private final LastMinute storedObservations = new LastMinute();
    private final MqttRepublisher republisher;

    @Activate
    public HubDataLayer(@Reference(target = "(dataSourceName=urbanhub)") DataSource dataSource, CoreConfig config)
            throws SQLException, MqttException {
        this.store = JdbcStore.open(dataSource, Duration.ofHours(config.dedup_window_hours()));
        this.reads = store.reads();
        this.subscriptions = store.subscriptions();
        String broker = config.republish_brokerUrl().trim();
        // a session of its own per hub process: several hubs may republish to one broker
        this.republisher = broker.isEmpty() ? null : new MqttRepublisher(broker,
                "urbanhub-republish-" + UUID.randomUUID().toString().substring(0, 8),
                config.republish_username(), Secrets.reveal(config.republish_password()), config.republish_topicPrefix(), config.republish_qos());
        this.spool = openSpool(config);
        try {
            this.writer = new StoreWriter(store, config.store_buffer_capacity(), config.store_batch_size(),
                    Duration.ofMillis(config.store_batch_lingerMillis()), Duration.ofSeconds(config.store_buffer_maxWaitSeconds()),
                    store.writerThreads(config.store_writers()), spool);
        } catch (RuntimeException e) {
            closeSpool(); // its lock would keep the next activation from opening it
            throw e;
        }
        // its thread may write a spool left from before at once, and tell the listeners and the republisher
        this.drain = spool == null ? null : new SpoolDrain(spool, store, config.store_batch_size(),
                Duration.ofSeconds(config.store_spool_retrySeconds()), this::drained);
        LOG.info("Data layer ready{}", broker.isEmpty() ? "" : ", republishing to " + broker);
    }

    private static Spool openSpool(CoreConfig config) {
        if (config.store_spool_maxMegabytes() <= 0) {
            return null;
        }
        String folder = config.store_spool_folder().trim();
        try {
            return Spool.open(folder.isEmpty() ? Path.of(System.getProperty("karaf.data", "data"), "urbanhub", "spool")
                    : Path.of(folder), config.store_spool_maxMegabytes() << 20);
        } catch (IOException e) {
            throw new UncheckedIOException("The store's spool could not be opened", e);
        }
    }

    private void closeSpool() {
        if (spool != null) {
            try {
                spool.close();
            } catch (IOException e) {
                LOG.warn("Closing the store's spool failed", e);
            }
        }
    }

    /** Metrics are optional: recorded only while a registry is there (the hub-metrics feature). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindMetrics(StoreMetrics metrics) {
        bufferGauge = metrics.buffer(writer::depth);
        spoolGauges = metrics.spool(this::spool);
        this.metrics = metrics;
    }

    synchronized void unbindMetrics(StoreMetrics metrics) {
        if (this.metrics == metrics) {
            this.metrics = null;
            try {
                bufferGauge.close();
                spoolGauges.close();
            } catch (Exception e) {
                LOG.debug("Removing the store gauges failed", e);
            }
        }
    }

    @Deactivate
    void deactivate() {
        writer.close();
        if (drain != null) {
            drain.close();
        }
        closeSpool();
        if (republisher != null) {
            republisher.close();
        }
    }

    @Override
    public Receipt accept(Input input, List<Observation> observations) {
        try {
            return submit(input, observations).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing the input of " + input.source().adapter(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The store refused the input of " + input.source().adapter(), e.getCause());
        }
    }

    @Override
    public CompletionStage<Receipt> submit(Input input, List<Observation> observations) {
        if (input.payload().length > MAX_PAYLOAD_BYTES) {
            return CompletableFuture.completedFuture(reject(input,
                    "payload of " + input.payload().length + " bytes exceeds the limit of " + MAX_PAYLOAD_BYTES));
        }
        Optional<String> problem = ObservationValidator.problem(input, observations, Instant.now());
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(reject(input, problem.get()));
        }
        long started = System.nanoTime();
        // runs on the writer's thread right after the commit: counting and queueing only, nothing slow
        return writer.submit(new Write(input, observations)).whenComplete((receipt, failure) -> {
            StoreMetrics recorder = metrics;
            if (recorder != null && failure != null) {
                recorder.failed(input, System.nanoTime() - started);
            } else if (recorder != null) {
                recorder.outcome(input, receipt, System.nanoTime() - started);
            }
        }).thenApply(receipt -> {
            counters.count(input.source().adapter(), receipt, input.receivedAt());
            if (receipt == Receipt.STORED) {
                storedObservations.add(observations.size(), System.currentTimeMillis());
                observations.forEach(this::tellListeners);
            }
            return receipt;
        });
    }

    /** A spooled input reached the store: counted, and told to the listeners as if stored just now. */
    private void drained(Write write, Receipt receipt) {
        counters.drained(write.input().source().adapter(), receipt);
        if (receipt == Receipt.STORED) {
            storedObservations.add(write.observations().size(), System.currentTimeMillis());
            write.observations().forEach(this::tellListeners);
        }
    }

    private void tellListeners(Observation observation) {
        if (republisher != null) {
            republisher.offer(observation);
        }
        for (ObservationListener listener : listeners) {
            try {
                listener.stored(observation);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on a stored observation of {}", observation.entity().urn(), e);
            }
        }
    }

    @Override
    public Receipt reject(Input input, String reason) {
        long started = System.nanoTime();
        StoreMetrics recorder = metrics;
        Receipt receipt = Receipt.DEAD_LETTER;
        try {
            store.deadLetter(input, reason, MAX_PAYLOAD_BYTES);
        } catch (SQLException e) {
            if (!spoolDeadLetter(input, reason, e)) {
                if (recorder != null) {
                    recorder.failed(input, System.nanoTime() - started);
                }
                throw new IllegalStateException("The store refused a dead letter of " + input.source().adapter(), e);
            }
            receipt = Receipt.SPOOLED;
        }
        if (recorder != null) {
            recorder.outcome(input, receipt, System.nanoTime() - started);
        }
        counters.count(input.source().adapter(), receipt, input.receivedAt());
        LOG.warn("Dead letter from {} (device {}): {}", input.source().adapter(), input.source().device(), reason);
        return receipt;
    }

    /** A dead letter the database is away for waits in the spool like any write; false when it cannot. */
    private boolean spoolDeadLetter(Input input, String reason, SQLException failure) {
        if (spool == null || !Outages.isOutage(failure)) {
            return false;
        }
        spool.databaseReachable(false);
        try {
            return spool.appendDeadLetter(input, reason) == Spool.Append.APPENDED;
        } catch (IOException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    @Override
    public List<StoredObservation> latestObservations(String tenant, String entityId, int limit) {
        try {
            return reads.latestObservations(tenant, entityId, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading observations failed", e);
        }
    }

    @Override
    public List<DeadLetter> deadLetters(String tenant, int limit) {
        try {
            return reads.deadLetters(tenant, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading dead letters failed", e);
        }
    }

    @Override
    public Optional<DeadLetter> deadLetter(long id) {
        try {
            return reads.deadLetter(id);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading dead letter " + id + " failed", e);
        }
    }

    @Override
    public int purgeDeadLetters(Instant receivedBefore, String tenant) {
        try {
            return store.purgeDeadLetters(receivedBefore, tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("Purging dead letters failed", e);
        }
    }

    @Override
    public List<EntitySummary> entities(String tenant, String entityType, int limit) {
        try {
            return reads.entitySummaries(tenant, entityType, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading entities failed", e);
        }
    }

    @Override
    public boolean removeDeadLetter(long id) {
        try {
            return store.removeDeadLetter(id);
        } catch (SQLException e) {
            throw new IllegalStateException("Removing dead letter " + id + " failed", e);
        }
    }

    @Override
    public Optional<EntityState> byId(String tenant, String entityId) {
        try {
            return reads.entity(tenant, entityId);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading entity " + entityId + " failed", e);
        }
    }

    @Override
    public Page<EntityState> find(String tenant, EntityFilter filter, int offset, int limit, boolean count) {
        try {
            return reads.entities(tenant, filter, offset, limit, count);
        } catch (SQLException e) {
            throw new IllegalStateException("Querying entities failed", e);
        }
    }

    @Override
    public List<String> types(String tenant) {
        try {
            return reads.distinct(tenant, "entity_type", "hub_entity");
        } catch (SQLException e) {
            throw new IllegalStateException("Reading entity types failed", e);
        }
    }

    @Override
    public List<String> attributes(String tenant) {
        try {
            return reads.distinct(tenant, "attribute", "hub_observation");
        } catch (SQLException e) {
            throw new IllegalStateException("Reading attribute names failed", e);
        }
    }

    @Override
    public Optional<History> history(String tenant, String entityId, Set<String> attributes, TimeRange range, int lastN) {
        try {
            return reads.history(tenant, entityId, attributes, range, lastN);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the history of " + entityId + " failed", e);
        }
    }

    @Override
    public Optional<Aggregated> aggregate(String tenant, String entityId, Set<String> attributes, TimeRange range,
                                          Duration period) {
        try {
            return reads.aggregate(tenant, entityId, attributes, range, period);
        } catch (SQLException e) {
            throw new IllegalStateException("Aggregating the history of " + entityId + " failed", e);
        }
    }

    @Override
    public List<EntityValue> valuesOfType(String tenant, String entityType, TimeRange range, int limit) {
        try {
            return reads.valuesOfType(tenant, entityType, range, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the values of " + entityType + " failed", e);
        }
    }

    @Override
    public void save(StoredSubscription subscription) {
        try {
            subscriptions.save(subscription);
        } catch (SQLException e) {
            throw new IllegalStateException("Saving subscription " + subscription.id() + " failed", e);
        }
    }

    @Override
    public boolean delete(String tenant, String id) {
        try {
            return subscriptions.delete(tenant, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting subscription " + id + " failed", e);
        }
    }

    @Override
    public List<StoredSubscription> all() {
        try {
            return subscriptions.all();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the subscriptions failed", e);
        }
    }

    @Override
    public Map<String, AdapterCounts> counts() {
        return counters.snapshot();
    }

    @Override
    public PipelineStats pipeline() {
        BatchTimes.Summary times = writer.batchTimes();
        return new PipelineStats(writer.depth(), writer.oldestWaitMillis(), writer.capacity(), writer.batches(),
                writer.written(), times.mean(), times.p50(), times.p95(), times.p99(), times.count(),
                storedObservations.sum(System.currentTimeMillis()),
                republisher == null ? -1 : republisher.depth(), republisher == null ? -1 : republisher.dropped());
    }

    @Override
    public SpoolStats spool() {
        return spool == null ? SpoolStats.NONE : spool.stats();
    }
}
