/** What the data layer tells others after a write, and where NGSI-LD subscriptions are kept. */
@Export
@Version("1.0.0")
package io.urbanhub.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
