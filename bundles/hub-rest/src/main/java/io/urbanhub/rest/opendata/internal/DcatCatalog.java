package io.urbanhub.rest.opendata.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tenant's open datasets as a DCAT-AP.de catalog in JSON-LD, with what GovData requires: title, description and
 * publisher on catalog and datasets, and on every distribution its access URL and licence.
 */
final class DcatCatalog {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String MEDIA_TYPES = "https://www.iana.org/assignments/media-types/";
    private static final String DATA_THEMES = "http://publications.europa.eu/resource/authority/data-theme/";

    private DcatCatalog() {
    }

    static ObjectNode jsonLd(OpenDataCatalog catalog, String tenant) {
        PublisherSettings publisher = catalog.publisher(tenant);
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        context.put("dcatde", "http://dcat-ap.de/def/dcatde/");
        root.put("@id", catalog.catalogUrl(tenant).toString());
        root.put("@type", "dcat:Catalog");
        root.put("dct:title", "Offene Daten – " + publisher.name());
        root.put("dct:description", "Open data of " + publisher.name() + " from the urban data platform.");
        root.set("dct:publisher", organization(publisher));
        root.set("dct:license", reference(catalog.licenceUri()));
        var datasets = root.putArray("dcat:dataset");
        for (OpenDataset dataset : catalog.datasets(tenant)) {
            datasets.add(dataset(dataset, publisher, catalog.licenceUri()));
        }
        return root;
    }

    private static ObjectNode dataset(OpenDataset dataset, PublisherSettings publisher, String licence) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("@id", dataset.id().toString());
        node.put("@type", "dcat:Dataset");
        node.put("dct:identifier", dataset.id().toString());
        node.put("dct:title", dataset.title());
        node.put("dct:description", dataset.description());
        node.set("dct:publisher", organization(publisher));
        var keywords = node.putArray("dcat:keyword");
        dataset.keywords().forEach(keywords::add);
        if (!publisher.themes().isEmpty()) {
            var themes = node.putArray("dcat:theme");
            publisher.themes().forEach(code -> themes.add(reference(DATA_THEMES + code)));
        }
        if (publisher.contactEmail() != null) {
            ObjectNode contact = node.putObject("dcat:contactPoint");
            contact.put("@type", "vcard:Organization");
            contact.put("vcard:fn", publisher.name());
            contact.set("vcard:hasEmail", reference("mailto:" + publisher.contactEmail()));
        }
        if (publisher.contributorId() != null) {
            node.set("dcatde:contributorID", reference(publisher.contributorId()));
        }
        if (publisher.ags() != null) {
            var geocoding = node.putArray("dcatde:politicalGeocodingURI");
            publisher.politicalGeocodingUris().forEach(uri -> geocoding.add(reference(uri)));
            node.set("dcatde:politicalGeocodingLevelURI", reference(PublisherSettings.MUNICIPALITY_LEVEL));
        }
        var distributions = node.putArray("dcat:distribution");
        for (OpenDataset.Distribution file : dataset.distributions()) {
            ObjectNode distribution = distributions.addObject();
            distribution.put("@id", file.url().toString());
            distribution.put("@type", "dcat:Distribution");
            distribution.put("dct:title", file.title());
            distribution.set("dcat:accessURL", reference(file.url().toString()));
            distribution.set("dcat:downloadURL", reference(file.url().toString()));
            distribution.set("dcat:mediaType", reference(MEDIA_TYPES + file.mediaType()));
            distribution.set("dct:format", reference(FILE_TYPES + file.format()));
            distribution.set("dct:license", reference(licence));
        }
        return node;
    }

    private static ObjectNode organization(PublisherSettings publisher) {
        ObjectNode organization = MAPPER.createObjectNode();
        organization.put("@type", "foaf:Organization");
        organization.put("foaf:name", publisher.name());
        return organization;
    }

    private static ObjectNode reference(String iri) {
        return MAPPER.createObjectNode().put("@id", iri);
    }
}
