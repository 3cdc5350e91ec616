package io.urbanhub.rest.opendata.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityQueries;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;

/**
 * What an open data portal harvests, for the types a tenant has declared open:
 * {@code /opendata/{tenant}/{type}.geojson}, {@code .csv} and {@code /opendata/{tenant}/{type}/values.csv?from=&to=},
 * listed in the DCAT-AP.de catalog {@code /opendata/{tenant}/catalog} (JSON-LD) and {@code catalog.ttl} (Turtle).
 * Every other type is 404, as if it did not exist.
 */
@Path("/")
public class OpenDataResource {

    static final String GEOJSON = "application/geo+json";
    static final String CSV = "text/csv; charset=utf-8";
    static final String JSON_LD = "application/ld+json";
    static final String TURTLE = "text/turtle; charset=utf-8";
    /** The largest export; a portal harvests in pages of time. */
    static final int MAX_ROWS = 100_000;

    private final EntityQueries entities;
    private final TemporalQueries temporal;
    private final Set<String> openTypes;
    private final String licence;
    private final String licenceUrl;
    private final OpenDataCatalog catalog;

    OpenDataResource(EntityQueries entities, TemporalQueries temporal, Set<String> openTypes, String licence, String licenceUrl,
                     OpenDataCatalog catalog) {
        this.entities = entities;
        this.temporal = temporal;
        this.openTypes = Set.copyOf(openTypes);
        this.licence = licence;
        this.licenceUrl = licenceUrl;
        this.catalog = catalog;
    }

    @GET
    @Path("{tenant}/catalog")
    public Response catalog(@PathParam("tenant") String tenant) {
        if (catalog.datasets(tenant).isEmpty()) {
            return noCatalog(tenant);
        }
        return ok(DcatCatalog.jsonLd(catalog, tenant).toString(), JSON_LD);
    }

    @GET
    @Path("{tenant}/catalog.ttl")
    public Response catalogTurtle(@PathParam("tenant") String tenant) {
        if (catalog.datasets(tenant).isEmpty()) {
            return noCatalog(tenant);
        }
        return ok(TurtleWriter.write(DcatCatalog.jsonLd(catalog, tenant)), TURTLE);
    }

    @GET
    @Path("{tenant}/{type}.geojson")
    public Response geoJson(@PathParam("tenant") String tenant, @PathParam("type") String type) {
        if (!isOpen(tenant, type)) {
            return notOpen(tenant, type);
        }
        return ok(OpenDataFormats.geoJson(state(tenant, type), licence), GEOJSON);
    }

    @GET
    @Path("{tenant}/{type}.csv")
    public Response stateCsv(@PathParam("tenant") String tenant, @PathParam("type") String type) {
        if (!isOpen(tenant, type)) {
            return notOpen(tenant, type);
        }
        return ok(OpenDataFormats.stateCsv(state(tenant, type)), CSV);
    }

    @GET
    @Path("{tenant}/{type}/values.csv")
    public Response valuesCsv(@PathParam("tenant") String tenant, @PathParam("type") String type,
                              @QueryParam("from") String from, @QueryParam("to") String to) {
        if (!isOpen(tenant, type)) {
            return notOpen(tenant, type);
        }
        TimeRange range;
        try {
            range = new TimeRange(instant("from", from), instant("to", to));
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type("text/plain").entity(e.getMessage()).build();
        }
        return ok(OpenDataFormats.valuesCsv(temporal.valuesOfType(tenant, type, range, MAX_ROWS)), CSV);
    }

    private boolean isOpen(String tenant, String type) {
        return openTypes.contains(tenant + "/" + type);
    }

    private List<EntityState> state(String tenant, String type) {
        return entities.find(tenant, new EntityFilter(Set.of(type), Set.of(), null), 0, MAX_ROWS, false).items();
    }

    private Response ok(String body, String mediaType) {
        return Response.ok(body, mediaType).header("Link", "<" + licenceUrl + ">; rel=\"license\"").build();
    }

    private static Response noCatalog(String tenant) {
        return Response.status(Response.Status.NOT_FOUND).type("text/plain").entity(tenant + " publishes no open data").build();
    }

    private static Response notOpen(String tenant, String type) {
        return Response.status(Response.Status.NOT_FOUND).type("text/plain")
                .entity(type + " of " + tenant + " is not published as open data").build();
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not an ISO 8601 date-time in UTC");
        }
    }
}
