/**
 * What every LoRaWAN adapter does with an uplink once it has read its network server's format: find the
 * device, decode its payload, hand the observation to the data layer, or keep it as a dead letter.
 */
@Export
@Version("1.1.0")
package io.urbanhub.lorawan;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
