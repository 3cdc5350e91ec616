/** What the console and monitoring read: adapter instances, their counters, stored data and dead letters. */
@Export
@Version("1.1.0")
package io.urbanhub.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
