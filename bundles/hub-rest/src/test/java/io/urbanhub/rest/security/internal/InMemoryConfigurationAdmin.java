package io.urbanhub.rest.security.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

/**
 * Config Admin without a framework: just the calls {@link ApiKeyStore} makes, built with {@link Proxy} since no
 * mocking library is on the classpath. Any other call fails loudly, so a new dependency of the store is noticed.
 */
final class InMemoryConfigurationAdmin {

    private static final Pattern FACTORY_FILTER = Pattern.compile("\\(service\\.factoryPid=([^)]+)\\)");

    /** One configuration; properties stay null until the first update, as in a real Config Admin. */
    private static final class Entry {
        final String pid;
        final String factoryPid;
        Dictionary<String, Object> properties;

        Entry(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    final ConfigurationAdmin admin = proxy(ConfigurationAdmin.class, (self, method, args) -> switch (method.getName()) {
        case "getFactoryConfiguration" -> {
            if (args.length != 3) {
                throw new UnsupportedOperationException(method.toString());
            }
            yield configuration(entries.computeIfAbsent(args[0] + "~" + args[1],
                    pid -> new Entry(pid, (String) args[0])));
        }
        case "listConfigurations" -> list((String) args[0]);
        default -> objectMethod(self, method.getName(), args);
    });

    /** A configuration as an administrator would drop it into etc/ by hand; returns its pid. */
    String write(String factoryPid, String name, Map<String, ?> properties) {
        Entry entry = entries.computeIfAbsent(factoryPid + "~" + name, pid -> new Entry(pid, factoryPid));
        entry.properties = new Hashtable<>(properties);
        return entry.pid;
    }

    /** The properties of every configuration, as the store wrote them (Config Admin adds the pids). */
    List<Dictionary<String, Object>> allStored() {
        List<Dictionary<String, Object>> all = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.properties != null) {
                all.add(entry.properties);
            }
        }
        return all;
    }

    /** The event Config Admin would send to listeners after a change of {@code pid}. */
    ConfigurationEvent updated(String factoryPid, String pid) {
        @SuppressWarnings("unchecked")
        ServiceReference<ConfigurationAdmin> reference = proxy(ServiceReference.class,
                (self, method, args) -> objectMethod(self, method.getName(), args));
        return new ConfigurationEvent(reference, ConfigurationEvent.CM_UPDATED, factoryPid, pid);
    }

    private Configuration[] list(String filter) {
        String factoryPid = null;
        if (filter != null) {
            Matcher matcher = FACTORY_FILTER.matcher(filter);
            if (!matcher.matches()) {
                throw new UnsupportedOperationException("This fake knows (service.factoryPid=…) only, not " + filter);
            }
            factoryPid = matcher.group(1);
        }
        List<Configuration> found = new ArrayList<>();
        for (Entry entry : entries.values()) {
            // like the real one: configurations that were never updated are not listed
            if (entry.properties != null && (factoryPid == null || factoryPid.equals(entry.factoryPid))) {
                found.add(configuration(entry));
            }
        }
        return found.isEmpty() ? null : found.toArray(Configuration[]::new);
    }

    private Configuration configuration(Entry entry) {
        return proxy(Configuration.class, (self, method, args) -> switch (method.getName()) {
            case "getPid" -> entry.pid;
            case "getFactoryPid" -> entry.factoryPid;
            // a private copy each time, as the specification asks
            case "getProperties" -> entry.properties == null ? null : copy(entry.properties);
            case "update" -> {
                if (args == null || args.length != 1) {
                    throw new UnsupportedOperationException(method.toString());
                }
                @SuppressWarnings("unchecked")
                Dictionary<String, Object> properties = copy((Dictionary<String, Object>) args[0]);
                properties.put("service.pid", entry.pid);
                properties.put("service.factoryPid", entry.factoryPid);
                entry.properties = properties;
                yield null;
            }
            case "delete" -> {
                entries.remove(entry.pid);
                entry.properties = null;
                yield null;
            }
            default -> objectMethod(self, method.getName(), args);
        });
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (String key : Collections.list(properties.keys())) {
            copy.put(key, properties.get(key));
        }
        return copy;
    }

    private static Object objectMethod(Object self, String name, Object[] args) {
        return switch (name) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            case "toString" -> "fake " + self.getClass().getInterfaces()[0].getSimpleName();
            default -> throw new UnsupportedOperationException(name + " is not faked");
        };
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(InMemoryConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }
}
