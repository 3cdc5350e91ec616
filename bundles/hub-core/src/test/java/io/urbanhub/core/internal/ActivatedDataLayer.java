package io.urbanhub.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.urbanhub.api.notify.ObservationListener;

/**
 * The data layer with its default configuration on a real store, as Declarative Services activates it: validation,
 * batched writes and the listeners told after the commit. Shared with other modules' tests through the test jar.
 */
public final class ActivatedDataLayer implements AutoCloseable {

    private final HubDataLayer dataLayer;
    private final Path ownSpool;

    /** The defaults, with a spool folder of its own that goes on close. */
    public ActivatedDataLayer(DataSource dataSource) throws Exception {
        this(dataSource, Files.createTempDirectory("hub-spool"));
    }

    private ActivatedDataLayer(DataSource dataSource, Path ownSpool) throws Exception {
        this.dataLayer = new HubDataLayer(dataSource, config(Map.of("store_spool_folder", ownSpool.toString())));
        this.ownSpool = ownSpool;
    }

    /**
     * The defaults but for the given settings, named as CoreConfig's methods (e.g. {@code store_spool_folder});
     * the spool folder, when given, stays.
     */
    public ActivatedDataLayer(DataSource dataSource, Map<String, Object> settings) throws Exception {
        this.dataLayer = new HubDataLayer(dataSource, config(settings));
        this.ownSpool = null;
    }

    private static CoreConfig config(Map<String, Object> settings) {
        return (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(), new Class<?>[]{CoreConfig.class},
                (proxy, method, args) -> settings.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    public HubDataLayer get() {
        return dataLayer;
    }

    /** Binds the listeners as Declarative Services does, into the field its reference names. */
    public void listeners(ObservationListener... listeners) throws ReflectiveOperationException {
        Field field = HubDataLayer.class.getDeclaredField("listeners");
        field.setAccessible(true);
        field.set(dataLayer, List.of(listeners));
    }

    @Override
    public void close() {
        dataLayer.deactivate();
        if (ownSpool != null) {
            try (Stream<Path> files = Files.walk(ownSpool)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
