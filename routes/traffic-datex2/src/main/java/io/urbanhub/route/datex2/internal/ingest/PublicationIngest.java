package io.urbanhub.route.datex2.internal.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Input;
import io.urbanhub.route.datex2.internal.parse.Datex2Handler;
import io.urbanhub.route.datex2.internal.parse.MeasurementSite;
import io.urbanhub.route.datex2.internal.parse.ParkingSite;
import io.urbanhub.route.datex2.internal.parse.ParkingStatus;
import io.urbanhub.route.datex2.internal.parse.Publication;
import io.urbanhub.route.datex2.internal.parse.TrafficFlow;

/**
 * Hands each record of a publication to the data layer as one input: a parking site or status becomes an
 * {@code OffStreetParking}, a measured value a {@code TrafficFlowObserved} per site and lane. The record is
 * the input's payload, so a dead letter shows what the supplier sent. Re-reading an unchanged feed stores
 * nothing twice: a record's message id is its site and time. A status whose table has not come yet is
 * stored at once, without place and capacity, and again with them when the table comes.
 */
public final class PublicationIngest implements Datex2Handler {

    static final String SYSTEM = "datex2";
    /** UN/CEFACT common code of km/h. */
    static final String KILOMETRE_PER_HOUR = "KMH";

    private final String adapter;
    private final String tenant;
    private final DataLayer dataLayer;
    private final ParkingTable parking = new ParkingTable();
    private final Map<String, MeasurementSite> measurementSites = new ConcurrentHashMap<>();
    private volatile Instant publicationTime;
    private final Map<LaneKey, Map<String, Property>> lanes = new LinkedHashMap<>();

    private record LaneKey(String siteId, String lane, Instant at) {
    }

    public PublicationIngest(String adapter, String tenant, DataLayer dataLayer) {
        this.adapter = adapter;
        this.tenant = tenant;
        this.dataLayer = dataLayer;
    }

    @Override
    public void publication(Publication publication) {
        publicationTime = publication.publicationTime();
    }

    @Override
    public void parkingSite(ParkingSite site) {
        Instant at = publicationTime != null ? publicationTime : Instant.now();
        Map<String, Property> properties = new LinkedHashMap<>();
        if (site.name() != null) {
            properties.put("name", Property.of(site.name()));
        }
        if (site.capacity() != null) {
            properties.put("totalSpotNumber", Property.of(site.capacity()));
        }
        if (!properties.isEmpty()) {
            store(site.id(), "table:" + at, at, properties, location(site), site.toString());
        }
        parking.site(site).ifPresent(status -> storeStatus(status, ":with-table"));
    }

    @Override
    public void parkingStatus(ParkingStatus status) {
        if (parking.find(status.siteId()).isEmpty()) {
            parking.await(status);
        }
        storeStatus(status, "");
    }

    @Override
    public void measurementSite(MeasurementSite site) {
        measurementSites.put(site.id(), site);
    }

    /**
     * Collects the values of one lane at one time: a site publishes flow, speed and occupancy of a lane
     * under separate indexes, and together they are one observation.
     */
    @Override
    public synchronized void trafficFlow(TrafficFlow flow) {
        MeasurementSite site = measurementSites.get(flow.siteId());
        String lane = site != null && site.laneByIndex().containsKey(flow.index()) ? site.laneByIndex().get(flow.index())
                : "index" + flow.index();
        Instant at = flow.measuredAt() != null ? flow.measuredAt() : publicationTime != null ? publicationTime : Instant.now();
        LaneKey key = new LaneKey(flow.siteId(), lane, at);
        Map<String, Property> properties = lanes.computeIfAbsent(key, k -> new LinkedHashMap<>());
        properties.put("laneId", Property.of(lane));
        if (flow.vehicleFlowRate() != null) {
            properties.put("vehicleFlowRate", Property.of(flow.vehicleFlowRate(), null));
            if (flow.periodSeconds() != null) {
                // the model's intensity counts the vehicles of the observation period
                properties.put("intensity", Property.of(Math.round(flow.vehicleFlowRate() * flow.periodSeconds() / 3600.0)));
            }
        }
        if (flow.averageSpeed() != null) {
            properties.put("averageVehicleSpeed", Property.of(flow.averageSpeed(), KILOMETRE_PER_HOUR));
        }
        if (flow.occupancy() != null) {
            properties.put("occupancy", Property.of(flow.occupancy() / 100.0, null));
        }
    }

    /** Stores what a publication's measured values gathered; call it once the publication is read. */
    public synchronized void flush() {
        lanes.forEach((key, properties) -> {
            MeasurementSite site = measurementSites.get(key.siteId());
            GeoPoint location = site == null || site.longitude() == null || site.latitude() == null ? null
                    : new GeoPoint(site.longitude(), site.latitude());
            Source source = new Source(adapter, SYSTEM, key.siteId(), "flow:" + key.lane() + ":" + key.at());
            Observation observation = new Observation(Datex2Entities.trafficFlow(tenant, key.siteId(), key.lane()), key.at(),
                    properties, location, source);
            dataLayer.accept(input(source, key + " " + properties), List.of(observation));
        });
        lanes.clear();
    }

    /** Statuses still waiting for their table; they are stored when it comes. */
    public List<ParkingStatus> waitingForTheirTable() {
        return parking.waiting();
    }

    private void storeStatus(ParkingStatus status, String messageSuffix) {
        Instant at = status.observedAt() != null ? status.observedAt() : publicationTime != null ? publicationTime : Instant.now();
        ParkingSite site = parking.find(status.siteId()).orElse(null);
        Map<String, Property> properties = new LinkedHashMap<>();
        Integer capacity = status.capacity() != null ? status.capacity() : site == null ? null : site.capacity();
        if (capacity != null) {
            properties.put("totalSpotNumber", Property.of(capacity));
        }
        Integer vacant = status.vacantSpaces();
        if (vacant == null && capacity != null && status.occupiedSpaces() != null) {
            vacant = Math.max(0, capacity - status.occupiedSpaces());
        }
        if (vacant == null && capacity != null && status.occupancy() != null) {
            vacant = (int) Math.round(capacity * (1 - status.occupancy()));
        }
        if (vacant != null) {
            properties.put("availableSpotNumber", Property.of(vacant));
        }
        if (status.occupancy() != null) {
            properties.put("occupancy", Property.of(status.occupancy(), null));
        }
        if (status.status() != null) {
            properties.put("status", Property.of(status.status()));
        }
        store(status.siteId(), "status:" + at + messageSuffix, at, properties, location(site), status.toString());
    }

    private void store(String siteId, String messageId, Instant at, Map<String, Property> properties, GeoPoint location,
                       String record) {
        Source source = new Source(adapter, SYSTEM, siteId, messageId);
        if (properties.isEmpty()) {
            dataLayer.reject(input(source, record), "record of " + siteId + " holds no value the hub can store");
            return;
        }
        Observation observation = new Observation(Datex2Entities.parking(tenant, siteId), at, properties, location, source);
        dataLayer.accept(input(source, record), List.of(observation));
    }

    private Input input(Source source, String record) {
        return new Input(tenant, source, Instant.now(), record.getBytes(StandardCharsets.UTF_8));
    }

    private static GeoPoint location(ParkingSite site) {
        return site == null || site.longitude() == null || site.latitude() == null ? null
                : new GeoPoint(site.longitude(), site.latitude());
    }
}
