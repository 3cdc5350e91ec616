package io.urbanhub.rest.opendata.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.urbanhub.api.admin.Tenant;

/** The datasets the export serves, with absolute URLs below the public base URL, and who publishes them. */
final class OpenDataCatalog {

    /** The licences of the GovData vocabulary by the short names the export writes into its files. */
    private static final Map<String, String> DCAT_AP_DE_LICENCES = Map.of(
            "dl-de/by-2-0", "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
            "dl-de/zero-2-0", "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
            "cc-by/4.0", "http://dcat-ap.de/def/licenses/cc-by/4.0",
            "cc-zero", "http://dcat-ap.de/def/licenses/cc-zero");

    private final Set<String> openTypes;
    private final String base;
    private final String licence;
    private final String licenceUrl;
    private final Map<String, PublisherSettings> publishers;
    private final Function<String, Optional<Tenant>> registrations;

    /**
     * @param exportUrl     where the export is reached from outside, e.g. https://data.example.org/opendata
     * @param publishers    the configured publisher keys per tenant, which override the registration
     * @param registrations the tenant registry's entry of a tenant, read on every use as tenants change at run time
     */
    OpenDataCatalog(Set<String> openTypes, URI exportUrl, String licence, String licenceUrl,
                    Map<String, PublisherSettings> publishers, Function<String, Optional<Tenant>> registrations) {
        String scheme = exportUrl.getScheme();
        if (!exportUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || exportUrl.getHost() == null) {
            throw new IllegalArgumentException("publicBaseUrl '" + exportUrl + "' is not an absolute http(s) URL");
        }
        this.openTypes = Set.copyOf(openTypes);
        this.base = exportUrl.toString().replaceAll("/+$", "");
        this.licence = licence;
        this.licenceUrl = licenceUrl;
        this.publishers = Map.copyOf(publishers);
        this.registrations = registrations;
    }

    /** The tenant's datasets ordered by type; none when the tenant has no open types. */
    List<OpenDataset> datasets(String tenant) {
        return openTypes.stream()
                .filter(open -> open.startsWith(tenant + "/"))
                .map(open -> open.substring(tenant.length() + 1))
                .sorted()
                .map(type -> dataset(tenant, type))
                .toList();
    }

    PublisherSettings publisher(String tenant) {
        return PublisherSettings.resolve(tenant, publishers.get(tenant), registrations.apply(tenant));
    }

    URI catalogUrl(String tenant) {
        return URI.create(base + "/" + tenant + "/catalog");
    }

    /** The licence as a URI of the GovData licence vocabulary where it has one, else where its text is. */
    String licenceUri() {
        return DCAT_AP_DE_LICENCES.getOrDefault(licence, licenceUrl);
    }

    private OpenDataset dataset(String tenant, String type) {
        String publisher = publisher(tenant).name();
        String path = base + "/" + tenant + "/" + type;
        return new OpenDataset(tenant, type, URI.create(catalogUrl(tenant) + "#" + type), type + " – " + publisher,
                "Current state of every " + type + " entity of " + publisher + " as GeoJSON and CSV, and their measured"
                        + " values over time as CSV (values.csv?from=&to=, ISO 8601 in UTC). Taken from the NGSI-LD data layer"
                        + " of the urban data platform.",
                List.of(type, tenant, "NGSI-LD", "Echtzeitdaten"),
                List.of(new OpenDataset.Distribution(type + " (GeoJSON)", URI.create(path + ".geojson"), "GEOJSON", "application/geo+json"),
                        new OpenDataset.Distribution(type + " (CSV)", URI.create(path + ".csv"), "CSV", "text/csv"),
                        new OpenDataset.Distribution(type + " values over time (CSV)", URI.create(path + "/values.csv"), "CSV", "text/csv")));
    }
}
