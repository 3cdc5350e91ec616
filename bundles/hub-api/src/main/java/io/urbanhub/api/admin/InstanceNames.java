package io.urbanhub.api.admin;

import java.io.File;
import java.util.Map;

/**
 * Names an adapter instance after its configuration: {@code etc/<factoryPid>-ahaus.cfg} and the
 * named factory configuration {@code <factoryPid>~ahaus} both name the instance {@code ahaus}. The hub's
 * route runtime names CamelContexts so, and an adapter's other components name themselves alike.
 */
public final class InstanceNames {

    public static final String ADAPTER = "hub.adapter";
    public static final String INSTANCE = "hub.instance";
    private static final String FILE_INSTALL_NAME = "felix.fileinstall.filename";

    private InstanceNames() {
    }

    public static String adapter(Map<String, ?> properties) {
        return String.valueOf(properties.get(ADAPTER));
    }

    public static String instance(Map<String, ?> properties) {
        Object explicit = properties.get(INSTANCE);
        if (explicit != null && !explicit.toString().isBlank()) {
            return explicit.toString().trim();
        }
        Object pid = properties.get("service.pid");
        Object factoryPid = properties.get("service.factoryPid");
        if (pid != null && pid.toString().contains("~")) {
            return pid.toString().substring(pid.toString().indexOf('~') + 1);
        }
        Object file = properties.get(FILE_INSTALL_NAME);
        if (file != null && factoryPid != null) {
            String name = new File(java.net.URI.create(file.toString()).getPath()).getName();
            String prefix = factoryPid + "-";
            if (name.startsWith(prefix) && name.endsWith(".cfg")) {
                return name.substring(prefix.length(), name.length() - ".cfg".length());
            }
        }
        if (pid != null) {
            return pid.toString();
        }
        return "default";
    }

    /** The CamelContext name of one adapter instance, e.g. {@code mqtt-heartbeat.demo}. */
    public static String contextName(Map<String, ?> properties) {
        return adapter(properties) + "." + instance(properties);
    }
}
