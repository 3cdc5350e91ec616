package io.urbanhub.rest.ngsild.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.query.AttributeCondition;
import io.urbanhub.api.query.IdPatterns;

/**
 * An NGSI-LD subscription (GS CIM 009, 5.2.12), validated: which entities and attributes it watches, the
 * query their new values must meet, and where and how often notifications go. The document is kept as the
 * client wrote it, so that it renders back unchanged.
 */
final class Subscription {

    static final Set<String> SCHEMES = Set.of("http", "https", "mqtt", "mqtts");

    record EntitySelector(String type, String id, Pattern idPattern) {
        boolean matches(String entityType, String entityId) {
            return type.equals(entityType) && (id == null || id.equals(entityId))
                    && (idPattern == null || idPattern.matcher(entityId).matches());
        }
    }

    private final String tenant;
    private final String id;
    private final ObjectNode document;
    private final List<EntitySelector> entities;
    private final Set<String> watchedAttributes;
    private final List<List<AttributeCondition>> q;
    private final Set<String> notifiedAttributes;
    private final boolean keyValues;
    private final URI endpoint;
    private final boolean endpointWantsLd;
    private final long throttlingSeconds;
    private final Instant expiresAt;
    private final boolean active;

    private Subscription(String tenant, String id, ObjectNode document) {
        this.tenant = tenant;
        this.id = id;
        this.document = document;
        if (!document.path("type").asText().equals("Subscription")) {
            throw new IllegalArgumentException("type must be \"Subscription\"");
        }
        this.entities = entities(document.get("entities"));
        this.watchedAttributes = names(document.get("watchedAttributes"), "watchedAttributes");
        if (entities.isEmpty() && watchedAttributes.isEmpty()) {
            throw new IllegalArgumentException("A subscription needs entities or watchedAttributes");
        }
        this.q = document.hasNonNull("q") ? QueryLanguage.parse(text(document, "q")) : List.of();
        JsonNode notification = document.get("notification");
        if (notification == null || !notification.isObject()) {
            throw new IllegalArgumentException("notification is required");
        }
        this.notifiedAttributes = names(notification.get("attributes"), "notification.attributes");
        String format = notification.path("format").asText("normalized");
        if (!format.equals("normalized") && !format.equals("keyValues")) {
            throw new IllegalArgumentException("notification.format must be normalized or keyValues, not " + format);
        }
        this.keyValues = format.equals("keyValues");
        JsonNode endpointNode = notification.get("endpoint");
        if (endpointNode == null || !endpointNode.hasNonNull("uri")) {
            throw new IllegalArgumentException("notification.endpoint.uri is required");
        }
        this.endpoint = endpoint(endpointNode.get("uri").asText());
        String accept = endpointNode.path("accept").asText(MediaType.APPLICATION_JSON);
        if (!accept.equals(MediaType.APPLICATION_JSON) && !accept.equals(EntitiesResource.LD_JSON)) {
            throw new IllegalArgumentException("notification.endpoint.accept must be application/json or application/ld+json");
        }
        this.endpointWantsLd = accept.equals(EntitiesResource.LD_JSON);
        JsonNode throttling = document.get("throttling");
        if (throttling != null && (!throttling.isNumber() || throttling.asDouble() < 0)) {
            throw new IllegalArgumentException("throttling must be a number of seconds, not negative");
        }
        this.throttlingSeconds = throttling == null ? 0 : (long) Math.ceil(throttling.asDouble());
        this.expiresAt = document.hasNonNull("expiresAt") ? instant(text(document, "expiresAt"), "expiresAt") : null;
        JsonNode isActive = document.get("isActive");
        if (isActive != null && !isActive.isBoolean()) {
            throw new IllegalArgumentException("isActive must be true or false");
        }
        this.active = isActive == null || isActive.asBoolean();
    }

    /** Reads a subscription document; any problem is an IllegalArgumentException saying what is wrong. */
    static Subscription parse(String tenant, String json, String generatedId) {
        JsonNode node = RequestBodies.json(json, "The subscription");
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A subscription is a JSON object");
        }
        ObjectNode document = (ObjectNode) node;
        document.remove("@context");
        String id = document.hasNonNull("id") ? text(document, "id") : generatedId;
        requireUri(id, "id");
        document.put("id", id);
        return new Subscription(tenant, id, document);
    }

    /** This subscription with the fields of a PATCH fragment merged in; id and type stay. */
    Subscription patched(String fragmentJson) {
        JsonNode fragment = RequestBodies.json(fragmentJson, "The fragment");
        if (fragment == null || !fragment.isObject() || fragment.isEmpty()) {
            throw new IllegalArgumentException("A subscription fragment is a non-empty JSON object");
        }
        ObjectNode merged = document.deepCopy();
        for (Iterator<String> names = fragment.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("id") || name.equals("type") || name.equals("@context")) {
                continue;
            }
            JsonNode value = fragment.get(name);
            if (name.equals("notification") && value.isObject() && merged.get("notification") instanceof ObjectNode notification) {
                notification.setAll((ObjectNode) value);
            } else if (value.isNull()) {
                merged.remove(name);
            } else {
                merged.set(name, value);
            }
        }
        return new Subscription(tenant, id, merged);
    }

    /** Whether a stored observation is news for this subscriber. */
    boolean wants(Observation observation, Instant now) {
        if (!active || (expiresAt != null && !now.isBefore(expiresAt)) || !observation.tenant().equals(tenant)) {
            return false;
        }
        String entityType = observation.entity().type();
        String entityId = observation.entity().urn();
        if (!entities.isEmpty() && entities.stream().noneMatch(selector -> selector.matches(entityType, entityId))) {
            return false;
        }
        if (!watchedAttributes.isEmpty() && watchedAttributes.stream().noneMatch(observation.properties()::containsKey)) {
            return false;
        }
        return q.isEmpty() || Conditions.holdAnyOf(q, observation.properties());
    }

    String tenant() {
        return tenant;
    }

    String id() {
        return id;
    }

    URI endpoint() {
        return endpoint;
    }

    boolean endpointWantsLd() {
        return endpointWantsLd;
    }

    boolean keyValues() {
        return keyValues;
    }

    Set<String> notifiedAttributes() {
        return notifiedAttributes;
    }

    long throttlingSeconds() {
        return throttlingSeconds;
    }

    /** The document as stored: what the client sent, with its id. */
    String document() {
        return document.toString();
    }

    /** The subscription as NGSI-LD renders it, with the notification's delivery status. */
    ObjectNode render(DeliveryStatus.Snapshot status, Instant now) {
        ObjectNode rendered = document.deepCopy();
        ObjectNode notification = (ObjectNode) rendered.get("notification");
        notification.put("format", keyValues ? "keyValues" : "normalized");
        status.writeTo(notification);
        String userInfo = endpoint.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            // the broker password stays with the hub
            String masked = userInfo.substring(0, userInfo.indexOf(':')) + ":***";
            ((ObjectNode) notification.get("endpoint")).put("uri", endpoint.toString().replace(userInfo + "@", masked + "@"));
        }
        rendered.put("isActive", active);
        rendered.put("status", !active ? "paused" : expiresAt != null && !now.isBefore(expiresAt) ? "expired" : "active");
        return rendered;
    }

    private static List<EntitySelector> entities(JsonNode node) {
        List<EntitySelector> selectors = new ArrayList<>();
        if (node == null || node.isNull()) {
            return selectors;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("entities must be an array");
        }
        for (JsonNode entity : node) {
            if (!entity.hasNonNull("type") || entity.get("type").asText().isBlank()) {
                throw new IllegalArgumentException("Each of entities needs a type");
            }
            String entityId = entity.hasNonNull("id") ? text(entity, "id") : null;
            // matched on the dispatcher thread, so bounded like the idPattern of a query
            Pattern pattern = entity.hasNonNull("idPattern") ? IdPatterns.compile(text(entity, "idPattern")) : null;
            selectors.add(new EntitySelector(entity.get("type").asText(), entityId, pattern));
        }
        return List.copyOf(selectors);
    }

    private static Set<String> names(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(field + " must be a non-empty array of attribute names");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode name : node) {
            if (!name.isTextual() || name.asText().isBlank()) {
                throw new IllegalArgumentException(field + " must hold attribute names");
            }
            names.add(name.asText());
        }
        return Set.copyOf(names);
    }

    private static URI endpoint(String uri) {
        URI parsed = requireUri(uri, "notification.endpoint.uri");
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || parsed.getHost() == null) {
            throw new IllegalArgumentException("notification.endpoint.uri must be an http, https, mqtt or mqtts URI with a host");
        }
        if (scheme.startsWith("mqtt") && (parsed.getPath() == null || parsed.getPath().length() < 2)) {
            throw new IllegalArgumentException("An MQTT endpoint names its topic as the path, e.g. mqtt://broker:1883/city/alerts");
        }
        return parsed;
    }

    private static URI requireUri(String value, String field) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException(field + " must be an absolute URI: " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a URI: " + e.getMessage());
        }
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a date-time such as 2026-01-31T12:00:00Z: " + value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }
}
