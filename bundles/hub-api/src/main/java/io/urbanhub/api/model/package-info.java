/**
 * The canonical model of the shared data layer, aligned with ETSI NGSI-LD: entities named by URN,
 * typed after the FIWARE Smart Data Models, with properties in UN/CEFACT units.
 */
@Export
@Version("1.1.0")
package io.urbanhub.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
