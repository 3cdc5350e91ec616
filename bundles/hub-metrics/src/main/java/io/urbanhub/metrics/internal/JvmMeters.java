package io.urbanhub.metrics.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/** Memory, garbage collection, threads, classes, CPU and uptime of the hub's JVM. */
final class JvmMeters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JvmMeters.class);

    private final JvmGcMetrics gc;

    JvmMeters(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (gcNotificationsVisible()) {
            gc = new JvmGcMetrics();
            gc.bindTo(registry);
        } else {
            gc = null;
            // without com.sun.management, Micrometer's GC listener would fail on every collection: count them instead
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                FunctionTimer.builder("jvm.gc.collections", collector, GarbageCollectorMXBean::getCollectionCount,
                                GarbageCollectorMXBean::getCollectionTime, TimeUnit.MILLISECONDS)
                        .tag("gc", collector.getName()).description("Collections of this collector and the time they took")
                        .register(registry);
            }
            LOG.info("com.sun.management is not visible to Micrometer (org.osgi.framework.system.packages.extra): "
                    + "GC pauses are counted per collector, without Micrometer's pause histogram");
        }
    }

    /** Whether Micrometer's bundle can load the GC notification class its listener uses. */
    private static boolean gcNotificationsVisible() {
        try {
            Class.forName("com.sun.management.GarbageCollectionNotificationInfo", false, JvmGcMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
    }
}
