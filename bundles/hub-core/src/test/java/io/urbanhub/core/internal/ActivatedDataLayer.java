package io.urbanhub.core.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;

import javax.sql.DataSource;

import io.urbanhub.api.notify.ObservationListener;

/**
 * The data layer with its default configuration on a real store, as Declarative Services activates it: validation,
 * batched writes and the listeners told after the commit. Shared with other modules' tests through the test jar.
 */
public final class ActivatedDataLayer implements AutoCloseable {

    private static final CoreConfig DEFAULTS = (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(),
            new Class<?>[]{CoreConfig.class}, (proxy, method, args) -> method.getDefaultValue());

    private final HubDataLayer dataLayer;

    public ActivatedDataLayer(DataSource dataSource) throws Exception {
        this.dataLayer = new HubDataLayer(dataSource, DEFAULTS);
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
    }
}
