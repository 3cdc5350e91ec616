package io.urbanhub.routefiles.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import io.urbanhub.api.model.Tenants;

/**
 * One route file, {@code <folder>/<tenant>/<name>.xml}, running as the instance {@code <tenant>-<name>} of the
 * adapter {@value #ADAPTER}; {@code version} tells a changed file from the one running.
 */
record RouteFile(Path path, String tenant, String name, String version) {

    static final String ADAPTER = "route-file";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** The route file at this path, or empty when the path does not name one. */
    static Optional<RouteFile> at(Path path, String version) {
        String file = path.getFileName().toString();
        if (!file.endsWith(".xml") || path.getParent() == null) {
            return Optional.empty();
        }
        String name = file.substring(0, file.length() - ".xml".length());
        String tenant = path.getParent().getFileName().toString();
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            Tenants.require(tenant);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new RouteFile(path, tenant, name, version));
    }

    String instance() {
        return tenant + "-" + name;
    }
}
