/** What adapters use and provide: the data layer, the device registry and payload decoders. */
@Export
@Version("1.3.0")
package io.urbanhub.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
