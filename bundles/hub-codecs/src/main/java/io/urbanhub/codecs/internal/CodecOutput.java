package io.urbanhub.codecs.internal;

import java.util.List;
import java.util.Map;

/**
 * What {@code decodeUplink} returned, as plain Java values: maps, lists, strings, doubles, booleans and
 * nulls. {@code data} is null when the codec returned none (usually together with errors).
 */
public record CodecOutput(Map<String, Object> data, List<String> warnings, List<String> errors) {

    public CodecOutput {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }
}
