package io.urbanhub.rest.opendata.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who publishes a tenant's open data, read from {@code publisher.<tenant>}, {@code contact.<tenant>},
 * {@code ags.<tenant>}, {@code contributor.<tenant>} and {@code themes.<tenant>} of the open data configuration.
 */
record PublisherSettings(String name, String contactEmail, String ags, String contributorId, List<String> themes) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The Amtlicher Gemeindeschlüssel has eight digits: Land, Regierungsbezirk, Kreis, Gemeinde. */
    private static final Pattern AGS = Pattern.compile("\\d{8}");
    /** The EU data themes DCAT-AP.de uses for dcat:theme. */
    private static final Set<String> THEMES = Set.of("AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR",
            "JUST", "OP_DATPRO", "REGI", "SOCI", "TECH", "TRAN");
    static final String MUNICIPALITY_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality";
    private static final List<String> PREFIXES = List.of("publisher.", "contact.", "ags.", "contributor.", "themes.");

    /** The municipality in DCAT-AP.de's political geocoding vocabulary, or null without an AGS. */
    String politicalGeocodingUri() {
        return ags == null ? null : "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/" + ags;
    }

    /** Without configuration a tenant publishes under its own name, which keeps dct:publisher filled. */
    static PublisherSettings unnamed(String tenant) {
        return new PublisherSettings(tenant, null, null, null, List.of());
    }

    /** The settings of every tenant named in a key; a malformed value fails with the key that holds it. */
    static Map<String, PublisherSettings> perTenant(Map<String, ?> properties) {
        Map<String, PublisherSettings> settings = new HashMap<>();
        for (String key : properties.keySet()) {
            for (String prefix : PREFIXES) {
                if (key.startsWith(prefix)) {
                    String tenant = key.substring(prefix.length());
                    settings.computeIfAbsent(tenant, name -> of(name, properties));
                }
            }
        }
        return Map.copyOf(settings);
    }

    private static PublisherSettings of(String tenant, Map<String, ?> properties) {
        String name = value(properties, "publisher." + tenant);
        String contact = value(properties, "contact." + tenant);
        String ags = value(properties, "ags." + tenant);
        String contributor = value(properties, "contributor." + tenant);
        String themes = value(properties, "themes." + tenant);
        if (contact != null && !EMAIL.matcher(contact).matches()) {
            throw new IllegalArgumentException("contact." + tenant + " '" + contact + "' is not an e-mail address");
        }
        if (ags != null && !AGS.matcher(ags).matches()) {
            throw new IllegalArgumentException("ags." + tenant + " '" + ags + "' is not an eight-digit Amtlicher Gemeindeschlüssel");
        }
        if (contributor != null && !contributor.startsWith("http://dcat-ap.de/def/contributors/")) {
            throw new IllegalArgumentException("contributor." + tenant + " '" + contributor
                    + "' is not from the vocabulary http://dcat-ap.de/def/contributors/");
        }
        List<String> themeCodes = themes == null ? List.of()
                : Arrays.stream(themes.split(",")).map(String::trim).filter(code -> !code.isEmpty()).toList();
        for (String code : themeCodes) {
            if (!THEMES.contains(code)) {
                throw new IllegalArgumentException("themes." + tenant + " '" + code + "' is none of the EU data themes " + THEMES);
            }
        }
        return new PublisherSettings(name == null ? tenant : name, contact, ags, contributor, themeCodes);
    }

    private static String value(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        String text = value == null ? "" : value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
