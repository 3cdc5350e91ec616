package io.urbanhub.codecs.internal;

import java.util.List;
import java.util.Map;

/**
 * One example of a device-repository {@code *-codec.yaml}: an uplink and what the codec must return.
 * {@code data} null means the example does not say; absent errors or warnings mean none.
 */
public record CodecExample(String description, CodecInput input, Map<String, Object> data, List<String> errors,
        List<String> warnings) {
}
