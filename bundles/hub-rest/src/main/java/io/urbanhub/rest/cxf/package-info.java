/** Publishing JAX-RS resources on the hub's CXF HTTP transport, for the hub's APIs and adapters' receivers. */
@Export
@Version("1.0.0")
package io.urbanhub.rest.cxf;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
