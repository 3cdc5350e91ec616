package io.urbanhub.route.datex2.internal.push;

import java.io.InputStream;

/** Takes one DATEX II publication; a publication it cannot read is an IllegalArgumentException saying why. */
@FunctionalInterface
public interface PublicationSink {

    void accept(InputStream xml);
}
