package io.urbanhub.route.kdn.open311.internal.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Input;
import io.urbanhub.route.kdn.open311.internal.parse.Record;
import io.urbanhub.route.kdn.open311.internal.parse.ServiceRequest;

/**
 * Hands each service request to the data layer as a {@code ServiceRequest} entity (Smart Data Model
 * IssueTracking, {@code Open311:ServiceRequest}). The message id is the request id and its
 * {@code updated_datetime}: each status change is a new observation, an unchanged request a duplicate.
 */
public final class RequestIngest {

    static final String SYSTEM = "open311";
    static final String TYPE = "ServiceRequest";
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._~:-]");

    private final String adapter;
    private final String tenant;
    private final DataLayer dataLayer;

    public RequestIngest(String adapter, String tenant, DataLayer dataLayer) {
        this.adapter = adapter;
        this.tenant = tenant;
        this.dataLayer = dataLayer;
    }

    /** Stores the readable records and dead-letters the others; returns the newest {@code updated_datetime} seen. */
    public String ingest(List<Record> records, Map<String, String> serviceNames) {
        String newest = null;
        Instant newestAt = null;
        for (Record record : records) {
            if (record.request() == null) {
                reject(null, record.text(), record.problem());
                continue;
            }
            ServiceRequest request = record.request();
            try {
                Observation observation = observation(request, serviceNames);
                dataLayer.accept(input(request.serviceRequestId(), messageId(request), record.text()), List.of(observation));
                Instant updated = instant(request.updatedDatetime());
                if (updated != null && (newestAt == null || updated.isAfter(newestAt))) {
                    newestAt = updated;
                    newest = request.updatedDatetime();
                }
            } catch (IllegalArgumentException e) {
                reject(request.serviceRequestId(), record.text(), "request " + request.serviceRequestId() + ": " + e.getMessage());
            }
        }
        return newest;
    }

    Observation observation(ServiceRequest request, Map<String, String> serviceNames) {
        Map<String, Property> properties = new LinkedHashMap<>();
        put(properties, "service_request_id", request.serviceRequestId());
        put(properties, "status", request.status());
        put(properties, "status_notes", request.statusNotes());
        String serviceName = request.serviceName() != null ? request.serviceName()
                : request.serviceCode() == null ? null : serviceNames.get(request.serviceCode());
        put(properties, "service_name", serviceName);
        put(properties, "service_code", request.serviceCode());
        put(properties, "description", request.description());
        put(properties, "agency_responsible", request.agencyResponsible());
        put(properties, "requested_datetime", request.requestedDatetime());
        put(properties, "updated_datetime", request.updatedDatetime());
        put(properties, "expected_datetime", request.expectedDatetime());
        put(properties, "address", request.address());
        put(properties, "zipcode", request.zipcode());
        put(properties, "media_url", request.mediaUrl());
        GeoPoint location = request.lat() == null || request.lon() == null ? null : new GeoPoint(request.lon(), request.lat());
        Instant updated = instant(request.updatedDatetime());
        Instant requested = instant(request.requestedDatetime());
        Instant at = updated != null ? updated : requested != null ? requested : Instant.now();
        EntityId entity = new EntityId(TYPE, tenant, localId(request.serviceRequestId()));
        return new Observation(entity, at, properties, location,
                new Source(adapter, SYSTEM, request.serviceRequestId(), messageId(request)));
    }

    static String messageId(ServiceRequest request) {
        return request.serviceRequestId() + "@" + (request.updatedDatetime() != null ? request.updatedDatetime()
                : request.requestedDatetime());
    }

    /** Ids are the server's, often numbers; anything an NGSI-LD local id may not hold becomes {@code _}. */
    static String localId(String id) {
        String local = NOT_ALLOWED.matcher(id).replaceAll("_");
        local = local.startsWith(":") ? "_" + local.substring(1) : local;
        return local.length() > 256 ? local.substring(0, 256) : local;
    }

    private static Instant instant(String datetime) {
        if (datetime == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(datetime).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + datetime + "' is not an ISO 8601 date and time with offset");
        }
    }

    private static void put(Map<String, Property> properties, String name, String value) {
        if (value != null) {
            properties.put(name, Property.of(value));
        }
    }

    private void reject(String requestId, String text, String reason) {
        dataLayer.reject(input(requestId, null, text), reason);
    }

    private Input input(String requestId, String messageId, String text) {
        return new Input(tenant, new Source(adapter, SYSTEM, requestId, messageId), Instant.now(),
                text.getBytes(StandardCharsets.UTF_8));
    }
}
