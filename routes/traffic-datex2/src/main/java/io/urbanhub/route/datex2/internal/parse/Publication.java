package io.urbanhub.route.datex2.internal.parse;

import java.time.Instant;

/**
 * The header of one payload publication.
 *
 * @param modelVersion "2" or "3", the DATEX II model base version
 * @param kind what the records that follow are
 * @param publicationTime when the supplier made the publication; null if it gave none
 */
public record Publication(String modelVersion, PublicationKind kind, Instant publicationTime) {
}
