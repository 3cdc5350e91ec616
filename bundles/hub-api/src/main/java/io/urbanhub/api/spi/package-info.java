/** What adapters use and provide: the data layer, the device registry, payload decoders, broker connections and encrypted secrets. */
@Export
@Version("1.4.0")
package io.urbanhub.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
