package io.urbanhub.codecs.internal;

import java.util.List;
import java.util.Optional;

/** The codecs of the codec folder, for the console. */
public interface CodecCatalog {

    /** Every codec file, loaded or not, by device type. */
    List<CodecState> codecs();

    default Optional<CodecState> codec(String deviceType) {
        return codecs().stream().filter(codec -> codec.deviceType().equals(deviceType)).findFirst();
    }
}
