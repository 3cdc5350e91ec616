package io.urbanhub.rest.tenants;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.urbanhub.api.admin.Tenant;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.ActivatedDataLayer;
import io.urbanhub.core.internal.HubDataLayer;
import io.urbanhub.core.internal.tenants.StoredTenantRegistry;

/**
 * Two registered municipalities served by two instances of one LoRaWAN adapter, written through the real data layer:
 * the same entity type, the same local ids, devices and frame counters (every uplink must be stored, none taken for a
 * duplicate of the other tenant's), the same places and times. Only the values
 * tell them apart: every temperature of {@link #MUSTERSTADT} lies in 3..6 °C, every one of {@link #NACHBARSTADT} in
 * 19..23 °C. Each has one type and one attribute the other lacks, and one dead letter.
 */
public final class TwoTenantsOnOneAdapter implements AutoCloseable {

    public static final String MUSTERSTADT = "musterstadt";
    public static final String NACHBARSTADT = "nachbarstadt";
    public static final String TYPE = "IndoorEnvironmentObserved";
    public static final String ADAPTER = "lorawan-chirpstack";
    public static final List<String> ROOMS = List.of("cold-room-1", "cold-room-2");
    public static final Map<String, GeoPoint> PLACES = Map.of("cold-room-1", new GeoPoint(7.6261, 51.9607),
            "cold-room-2", new GeoPoint(7.6300, 51.9620));
    public static final int READINGS_PER_ROOM = 3;
    /** The readings' first hour, a day ago: the data layer refuses readings from the future. */
    public static final Instant FIRST_READING = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));

    private final ActivatedDataLayer dataLayer;
    private final StoredTenantRegistry registry;

    private TwoTenantsOnOneAdapter(ActivatedDataLayer dataLayer, StoredTenantRegistry registry) {
        this.dataLayer = dataLayer;
        this.registry = registry;
    }

    /** Registers both tenants on a fresh store and writes their data as the adapter's two instances would. */
    public static TwoTenantsOnOneAdapter written(DataSource dataSource) throws Exception {
        ActivatedDataLayer dataLayer = new ActivatedDataLayer(dataSource);
        StoredTenantRegistry registry = new StoredTenantRegistry(dataSource, dataLayer.get());
        registry.put(new Tenant(MUSTERSTADT, "Stadt Musterstadt", "055150000000", "opendata@musterstadt.example"));
        registry.put(new Tenant(NACHBARSTADT, "Gemeinde Nachbarstadt", "05566004", "daten@nachbarstadt.example"));
        TwoTenantsOnOneAdapter tenants = new TwoTenantsOnOneAdapter(dataLayer, registry);
        for (String tenant : List.of(MUSTERSTADT, NACHBARSTADT)) {
            for (int reading = 0; reading < READINGS_PER_ROOM; reading++) {
                for (String room : ROOMS) {
                    tenants.write(tenant, room, reading);
                }
            }
            Source source = new Source(instance(tenant), "chirpstack", "a84041000181c6ff", "7");
            dataLayer.get().reject(new Input(tenant, source, FIRST_READING, payload(tenant)), "unknown device a84041000181c6ff");
            tenants.writeOwnType(tenant);
        }
        return tenants;
    }

    /**
     * Stores one uplink of a room; the reading's number is its frame counter, so both tenants send the same ones.
     */
    public void write(String tenant, String room, int reading) {
        Instant at = FIRST_READING.plus(Duration.ofHours(reading));
        double temperature = (tenant.equals(MUSTERSTADT) ? 4.0 : 20.0) + reading * 0.1 + ROOMS.indexOf(room) * 0.5;
        Property own = tenant.equals(MUSTERSTADT) ? Property.of(80.0 + reading, UnitCodes.PERCENT)
                : Property.of(600.0, UnitCodes.PARTS_PER_MILLION);
        Map<String, Property> properties = Map.of("temperature", Property.of(temperature, UnitCodes.DEGREE_CELSIUS),
                ownAttribute(tenant), own);
        Source source = new Source(instance(tenant), "chirpstack", "a84041000181c61" + ROOMS.indexOf(room), String.valueOf(reading));
        Receipt receipt = dataLayer.get().accept(new Input(tenant, source, at, payload(tenant)),
                List.of(new Observation(new EntityId(TYPE, tenant, room), at, properties, PLACES.get(room), source)));
        if (receipt != Receipt.STORED) {
            throw new IllegalStateException("Uplink " + reading + " of " + room + " of " + tenant + " was " + receipt);
        }
    }

    /** Each tenant has a type of its own at the first room's place: a parking spot, a waste container. */
    private void writeOwnType(String tenant) {
        boolean muster = tenant.equals(MUSTERSTADT);
        Source source = new Source(instance(tenant), "chirpstack", "a84041000181c62f", "1");
        Observation observation = new Observation(new EntityId(ownType(tenant), tenant, "bahnhof-1"), FIRST_READING,
                muster ? Map.of("status", Property.of("free")) : Map.of("fillingLevel", Property.of(0.4, UnitCodes.PERCENT)),
                PLACES.get("cold-room-1"), source);
        if (dataLayer.get().accept(new Input(tenant, source, FIRST_READING, payload(tenant)), List.of(observation)) != Receipt.STORED) {
            throw new IllegalStateException("The " + ownType(tenant) + " of " + tenant + " was not stored");
        }
    }

    /** The instance of the shared adapter serving the tenant, named as its configuration file. */
    public static String instance(String tenant) {
        return ADAPTER + "." + tenant;
    }

    public static String other(String tenant) {
        return tenant.equals(MUSTERSTADT) ? NACHBARSTADT : MUSTERSTADT;
    }

    public static String entityId(String tenant, String room) {
        return new EntityId(TYPE, tenant, room).urn();
    }

    public static String ownType(String tenant) {
        return tenant.equals(MUSTERSTADT) ? "ParkingSpot" : "WasteContainer";
    }

    public static String ownAttribute(String tenant) {
        return tenant.equals(MUSTERSTADT) ? "relativeHumidity" : "co2";
    }

    /** Whether a temperature is one of the tenant's. */
    public static boolean isTemperatureOf(String tenant, double celsius) {
        return tenant.equals(MUSTERSTADT) ? celsius >= 3 && celsius < 6 : celsius >= 19 && celsius < 23;
    }

    public static byte[] payload(String tenant) {
        return ("{\"deviceInfo\":{\"tenantName\":\"" + tenant + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    public HubDataLayer dataLayer() {
        return dataLayer.get();
    }

    public StoredTenantRegistry registry() {
        return registry;
    }

    public ActivatedDataLayer activated() {
        return dataLayer;
    }

    @Override
    public void close() {
        dataLayer.close();
    }
}
