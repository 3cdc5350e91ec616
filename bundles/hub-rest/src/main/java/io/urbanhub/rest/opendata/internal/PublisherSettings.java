package io.urbanhub.rest.opendata.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.urbanhub.api.admin.Tenant;

/**
 * Who publishes a tenant's open data: the keys {@code publisher.<tenant>}, {@code contact.<tenant>},
 * {@code ags.<tenant>}, {@code contributor.<tenant>} and {@code themes.<tenant>} of the open data configuration,
 * and for what they leave open the tenant's entry in the tenant registry.
 *
 * @param name the name to publish under; null in configured settings whose keys do not name it
 * @param ags  the Amtlicher Gemeindeschlüssel (8 digits) or the Regionalschlüssel (12 digits)
 */
record PublisherSettings(String name, String contactEmail, String ags, String contributorId, List<String> themes) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern AGS = Pattern.compile("\\d{8}|\\d{12}");
    /** The EU data themes DCAT-AP.de uses for dcat:theme. */
    private static final Set<String> THEMES = Set.of("AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR",
            "JUST", "OP_DATPRO", "REGI", "SOCI", "TECH", "TRAN");
    static final String MUNICIPALITY_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality";
    private static final String GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/";
    private static final List<String> PREFIXES = List.of("publisher.", "contact.", "ags.", "contributor.", "themes.");
    private static final PublisherSettings NONE = new PublisherSettings(null, null, null, null, List.of());

    /**
     * The municipality in DCAT-AP.de's political geocoding vocabularies, none without a key: an AGS is a
     * municipalityKey; a Regionalschlüssel is a regionalKey and, without its four digits of the Gemeindeverband,
     * the municipality's AGS.
     */
    List<String> politicalGeocodingUris() {
        if (ags == null) {
            return List.of();
        }
        if (ags.length() == 8) {
            return List.of(GEOCODING + "municipalityKey/" + ags);
        }
        return List.of(GEOCODING + "regionalKey/" + ags,
                GEOCODING + "municipalityKey/" + ags.substring(0, 5) + ags.substring(9));
    }

    /**
     * The configured keys of the tenant, and what they leave open from its registration; without either, the tenant
     * publishes under its own id, which keeps dct:publisher filled.
     */
    static PublisherSettings resolve(String tenant, PublisherSettings configured, Optional<Tenant> registered) {
        PublisherSettings keys = configured == null ? NONE : configured;
        String name = keys.name() != null ? keys.name() : registered.map(Tenant::name).orElse(tenant);
        // the registry's contact may be any text; only an e-mail address makes a DCAT contact point
        String contact = keys.contactEmail() != null ? keys.contactEmail()
                : registered.map(Tenant::contact).filter(text -> EMAIL.matcher(text).matches()).orElse(null);
        String ags = keys.ags() != null ? keys.ags() : registered.map(Tenant::ags).filter(key -> !key.isEmpty()).orElse(null);
        return new PublisherSettings(name, contact, ags, keys.contributorId(), keys.themes());
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
            throw new IllegalArgumentException("ags." + tenant + " '" + ags
                    + "' is neither an eight-digit Amtlicher Gemeindeschlüssel nor a twelve-digit Regionalschlüssel");
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
        return new PublisherSettings(name, contact, ags, contributor, themeCodes);
    }

    private static String value(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        String text = value == null ? "" : value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
