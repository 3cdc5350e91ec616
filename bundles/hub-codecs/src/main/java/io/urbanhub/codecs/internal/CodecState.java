package io.urbanhub.codecs.internal;

import java.util.Optional;

/**
 * One codec file of the folder as the hub sees it: loaded, with its decoder, or not, with the reason.
 *
 * @param mappingFile the name of its {@code .mapping} file, or null when it has none
 */
public record CodecState(String deviceType, String codecFile, String mappingFile, CodecDecoder decoder, String reason) {

    public static CodecState loaded(String deviceType, String codecFile, String mappingFile, CodecDecoder decoder) {
        return new CodecState(deviceType, codecFile, mappingFile, decoder, null);
    }

    public static CodecState failed(String deviceType, String codecFile, String mappingFile, String reason) {
        return new CodecState(deviceType, codecFile, mappingFile, null, reason);
    }

    public boolean isLoaded() {
        return decoder != null;
    }

    public Optional<JavaScriptCodec> codec() {
        return Optional.ofNullable(decoder).map(CodecDecoder::codec);
    }

    public CodecState refused(String why) {
        return failed(deviceType, codecFile, mappingFile, why);
    }
}
