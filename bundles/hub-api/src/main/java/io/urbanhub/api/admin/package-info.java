/** What the console and monitoring read and do: adapter instances (start, stop), their counters, the pipeline, stored data, dead letters and API keys. */
@Export
@Version("1.4.0")
package io.urbanhub.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
