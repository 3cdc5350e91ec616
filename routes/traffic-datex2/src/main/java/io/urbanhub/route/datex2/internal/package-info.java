/** The DATEX II adapter: feeds pulled or pushed, publications read as a stream, mapped to Smart Data Models. */
package io.urbanhub.route.datex2.internal;
