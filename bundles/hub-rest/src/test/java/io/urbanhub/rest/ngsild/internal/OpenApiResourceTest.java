package io.urbanhub.rest.ngsild.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.rest.opendata.internal.OpenDataPaths;

/** The document describes every resource method there is, so it cannot fall behind the code unnoticed. */
class OpenApiResourceTest {

    @Test
    void documentsEveryOperationOfEveryResource() throws Exception {
        JsonNode document = new ObjectMapper().readTree(new OpenApiResource().document());
        assertEquals("3.0.3", document.get("openapi").asText());
        List<String> served = new ArrayList<>();
        for (Class<?> resource : List.of(EntitiesResource.class, TemporalEntitiesResource.class, TypesResource.class,
                SubscriptionsResource.class, OpenApiResource.class)) {
            served.addAll(paths("/ngsi-ld/v1", resource));
        }
        served.addAll(paths("/opendata", OpenDataPaths.resource()));
        TreeSet<String> documented = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        for (String path : served) {
            assertTrue(documented.contains(path), path + " is served but not documented in " + documented);
        }
        assertEquals(served.size(), documented.size(), "documented paths that nothing serves: " + documented);
    }

    private static List<String> paths(String base, Class<?> resource) {
        String root = resource.getAnnotation(Path.class).value();
        List<String> paths = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PATCH.class, DELETE.class)) {
                if (method.isAnnotationPresent(verb)) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = (base + "/" + root + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                    path = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
                    paths.add(verb.getSimpleName() + " " + path);
                }
            }
        }
        return paths;
    }
}
