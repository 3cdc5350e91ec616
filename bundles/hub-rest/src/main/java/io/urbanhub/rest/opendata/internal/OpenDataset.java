package io.urbanhub.rest.opendata.internal;

import java.net.URI;
import java.util.List;

/** One open type of one tenant as a portal lists it: what it is and where its files are. */
record OpenDataset(String tenant, String type, URI id, String title, String description,
                   List<String> keywords, List<Distribution> distributions) {

    /** One downloadable file; {@code format} is the code of the EU file-type vocabulary. */
    record Distribution(String title, URI url, String format, String mediaType) {
    }
}
