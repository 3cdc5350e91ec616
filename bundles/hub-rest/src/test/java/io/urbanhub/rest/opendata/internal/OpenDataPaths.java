package io.urbanhub.rest.opendata.internal;

/** Lets the OpenAPI test see the export's resource class, which is package-private to its package's tests. */
public final class OpenDataPaths {

    private OpenDataPaths() {
    }

    public static Class<?> resource() {
        return OpenDataResource.class;
    }
}
