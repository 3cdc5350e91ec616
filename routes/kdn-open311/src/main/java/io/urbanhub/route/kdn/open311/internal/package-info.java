/** The Open311 GeoReport v2 adapter: service requests pulled per tenant, new ones submitted. */
package io.urbanhub.route.kdn.open311.internal;
