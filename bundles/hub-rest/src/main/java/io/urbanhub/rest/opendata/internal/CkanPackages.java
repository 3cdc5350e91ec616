package io.urbanhub.rest.opendata.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An open dataset as the body of CKAN's package_create and package_update. */
final class CkanPackages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> FORMATS = Map.of("GEOJSON", "GeoJSON", "CSV", "CSV");

    private CkanPackages() {
    }

    /** CKAN names are lower-case letters, digits, - and _, unique in the portal. */
    static String name(OpenDataset dataset) {
        return (dataset.tenant() + "-" + dataset.type()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    /**
     * The package; given the package CKAN already holds, its id and the ids of resources with the same URL are kept,
     * since package_update replaces resources without an id by new ones.
     */
    static ObjectNode of(OpenDataset dataset, PublisherSettings publisher, String licence, String organization, JsonNode existing) {
        ObjectNode body = MAPPER.createObjectNode();
        if (existing != null && existing.hasNonNull("id")) {
            body.put("id", existing.get("id").asText());
        }
        body.put("name", name(dataset));
        body.put("title", dataset.title());
        body.put("notes", dataset.description());
        body.put("license_id", licence);
        body.put("owner_org", organization);
        body.put("url", dataset.id().toString());
        body.put("maintainer", publisher.name());
        if (publisher.contactEmail() != null) {
            body.put("maintainer_email", publisher.contactEmail());
        }
        var tags = body.putArray("tags");
        dataset.keywords().forEach(keyword -> tags.addObject().put("name", keyword));
        // the extras GovData's CKAN extension (ckanext-dcatde) reads as DCAT-AP.de properties
        var extras = body.putArray("extras");
        if (publisher.contributorId() != null) {
            extras.addObject().put("key", "contributorID").put("value", MAPPER.createArrayNode().add(publisher.contributorId()).toString());
        }
        if (publisher.ags() != null) {
            var geocoding = MAPPER.createArrayNode();
            publisher.politicalGeocodingUris().forEach(geocoding::add);
            extras.addObject().put("key", "politicalGeocodingURI").put("value", geocoding.toString());
            extras.addObject().put("key", "politicalGeocodingLevelURI").put("value", PublisherSettings.MUNICIPALITY_LEVEL);
        }
        Map<String, String> resourceIds = new HashMap<>();
        if (existing != null) {
            existing.path("resources").forEach(resource -> resourceIds.put(resource.path("url").asText(), resource.path("id").asText()));
        }
        var resources = body.putArray("resources");
        for (OpenDataset.Distribution file : dataset.distributions()) {
            ObjectNode resource = resources.addObject();
            String id = resourceIds.get(file.url().toString());
            if (id != null && !id.isEmpty()) {
                resource.put("id", id);
            }
            resource.put("url", file.url().toString());
            resource.put("name", file.title());
            resource.put("format", FORMATS.getOrDefault(file.format(), file.format()));
            resource.put("mimetype", file.mediaType());
        }
        return body;
    }
}
