/** The {@code hub-mqtt} Camel component: MQTT messages acknowledged once the route has handled them. */
@Export
@Version("1.1.0")
package io.urbanhub.mqtt;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
