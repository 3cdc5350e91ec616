/** Reading the shared data layer: the current state of entities, for the standard APIs the hub serves. */
@Export
@Version("1.3.0")
package io.urbanhub.api.query;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
