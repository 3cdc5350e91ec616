package io.urbanhub.rest.ngsild.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.notify.ObservationListener;
import io.urbanhub.api.notify.StoredSubscription;
import io.urbanhub.api.notify.SubscriptionStore;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;

/**
 * Keeps the NGSI-LD subscriptions and notifies their subscribers. Stored observations arrive through a
 * bounded queue and are matched on a thread of its own; a full queue drops (and counts) rather than
 * slowing ingest. A failed delivery is retried with growing pauses, and the subscription shows it.
 */
@Component(service = {SubscriptionService.class, ObservationListener.class}, immediate = true)
public class SubscriptionService implements ObservationListener {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionService.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final int QUEUE_CAPACITY = 10_000;
    static final int MAX_ATTEMPTS = 5;

    private record Entry(Subscription subscription, DeliveryStatus status) {
    }

    private final SubscriptionStore store;
    private final EntityQueries entities;
    private final Clock clock;
    private final Duration firstRetry;
    private final NotificationSender sender = new NotificationSender(Duration.ofSeconds(10));
    private final Map<String, Entry> subscriptions = new ConcurrentHashMap<>();
    private final BlockingQueue<Observation> incoming = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-notify-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread dispatcher = new Thread(this::dispatch, "hub-notify");
    private volatile boolean running = true;

    @Activate
    public SubscriptionService(@Reference SubscriptionStore store, @Reference EntityQueries entities) {
        this(store, entities, Clock.systemUTC(), Duration.ofSeconds(1));
    }

    SubscriptionService(SubscriptionStore store, EntityQueries entities, Clock clock, Duration firstRetry) {
        this.store = store;
        this.entities = entities;
        this.clock = clock;
        this.firstRetry = firstRetry;
        for (StoredSubscription stored : store.all()) {
            try {
                Subscription subscription = Subscription.parse(stored.tenant(), stored.document(), stored.id());
                subscriptions.put(key(stored.tenant(), stored.id()), new Entry(subscription, new DeliveryStatus()));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring stored subscription {} of {}: {}", stored.id(), stored.tenant(), e.getMessage());
            }
        }
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Deactivate
    void deactivate() {
        running = false;
        dispatcher.interrupt();
        retries.shutdownNow();
        sender.close();
    }

    @Override
    public void stored(Observation observation) {
        if (subscriptions.isEmpty()) {
            return;
        }
        if (!incoming.offer(observation)) {
            dropped.incrementAndGet();
        }
    }

    /** Observations not matched because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    ObjectNode create(String tenant, String json) {
        Subscription subscription = Subscription.parse(tenant, json, "urn:ngsi-ld:Subscription:" + UUID.randomUUID());
        if (subscriptions.putIfAbsent(key(tenant, subscription.id()), new Entry(subscription, new DeliveryStatus())) != null) {
            throw new IllegalStateException("Subscription " + subscription.id() + " exists already");
        }
        try {
            store.save(new StoredSubscription(tenant, subscription.id(), subscription.document()));
        } catch (RuntimeException e) {
            subscriptions.remove(key(tenant, subscription.id()));
            throw e;
        }
        return render(subscriptions.get(key(tenant, subscription.id())));
    }

    Optional<ObjectNode> get(String tenant, String id) {
        return Optional.ofNullable(subscriptions.get(key(tenant, id))).map(this::render);
    }

    List<ObjectNode> list(String tenant, int offset, int limit) {
        return subscriptions.values().stream().filter(entry -> entry.subscription().tenant().equals(tenant))
                .sorted(Comparator.comparing(entry -> entry.subscription().id()))
                .skip(offset).limit(limit).map(this::render).toList();
    }

    long count(String tenant) {
        return subscriptions.values().stream().filter(entry -> entry.subscription().tenant().equals(tenant)).count();
    }

    /** False when the tenant has no such subscription. */
    boolean patch(String tenant, String id, String fragment) {
        Entry entry = subscriptions.get(key(tenant, id));
        if (entry == null) {
            return false;
        }
        Subscription patched = entry.subscription().patched(fragment);
        store.save(new StoredSubscription(tenant, id, patched.document()));
        subscriptions.put(key(tenant, id), new Entry(patched, entry.status()));
        return true;
    }

    boolean delete(String tenant, String id) {
        boolean deleted = store.delete(tenant, id);
        return subscriptions.remove(key(tenant, id)) != null || deleted;
    }

    private ObjectNode render(Entry entry) {
        return entry.subscription().render(entry.status().snapshot(), clock.instant());
    }

    private void dispatch() {
        while (running) {
            Observation observation;
            try {
                observation = incoming.take();
            } catch (InterruptedException e) {
                return;
            }
            Instant now = clock.instant();
            for (Entry entry : subscriptions.values()) {
                try {
                    if (entry.subscription().wants(observation, now) && entry.status().claimTurn(now, entry.subscription().throttlingSeconds())) {
                        notify(entry, observation, now);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Notifying subscription {} failed", entry.subscription().id(), e);
                }
            }
        }
    }

    private void notify(Entry entry, Observation observation, Instant now) {
        Subscription subscription = entry.subscription();
        Optional<EntityState> state = entities.byId(subscription.tenant(), observation.entity().urn());
        if (state.isEmpty()) {
            return;
        }
        deliver(entry, notification(subscription, state.get(), now).toString(), 1);
    }

    /** The NGSI-LD notification of one entity's new state, shaped as the subscription asks. */
    static ObjectNode notification(Subscription subscription, EntityState state, Instant now) {
        ObjectNode notification = MAPPER.createObjectNode();
        notification.put("id", "urn:ngsi-ld:Notification:" + UUID.randomUUID());
        notification.put("type", "Notification");
        notification.put("subscriptionId", subscription.id());
        notification.put("notifiedAt", now.toString());
        notification.putArray("data").add(NgsiLdRepresentation.project(NgsiLdRepresentation.render(state.normalized(),
                subscription.keyValues(), subscription.endpointWantsLd()), subscription.notifiedAttributes()));
        return notification;
    }

    private void deliver(Entry entry, String notification, int attempt) {
        Subscription subscription = entry.subscription();
        entry.status().attempted();
        sender.send(subscription.endpoint(), subscription.tenant(), notification, subscription.endpointWantsLd())
                .whenComplete((delivered, failure) -> {
                    if (failure == null) {
                        entry.status().succeeded(clock.instant());
                        return;
                    }
                    String reason = (failure.getCause() != null ? failure.getCause() : failure).getMessage();
                    entry.status().failed(clock.instant(), reason);
                    if (attempt < MAX_ATTEMPTS && running && subscriptions.containsValue(entry)) {
                        long pause = firstRetry.toMillis() << (attempt - 1);
                        retries.schedule(() -> deliver(entry, notification, attempt + 1), pause, TimeUnit.MILLISECONDS);
                    } else {
                        LOG.warn("Gave up notifying {} of subscription {} after {} attempts: {}",
                                NotificationSender.shown(subscription.endpoint()), subscription.id(), attempt, reason);
                    }
                });
    }

    private static String key(String tenant, String id) {
        return tenant + '\n' + id;
    }
}
