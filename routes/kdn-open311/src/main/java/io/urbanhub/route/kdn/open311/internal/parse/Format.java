package io.urbanhub.route.kdn.open311.internal.parse;

import java.util.Locale;

/** The response formats of GeoReport v2, named as in the resource's extension ({@code requests.json}). */
public enum Format {
    JSON, XML;

    public static Format of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be json or xml, not '" + name + "'");
        }
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
