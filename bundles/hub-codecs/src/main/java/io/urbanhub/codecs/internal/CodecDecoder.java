package io.urbanhub.codecs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.api.spi.PayloadDecoder;

/**
 * A codec and its mapping as the hub's {@link PayloadDecoder}: the codec's errors fail the payload, its
 * warnings are kept. The payload's receive time is not known here, so {@code input.recvTime} is not set.
 */
public final class CodecDecoder implements PayloadDecoder {

    private final JavaScriptCodec codec;
    private final FieldMapping mapping;

    public CodecDecoder(JavaScriptCodec codec, FieldMapping mapping) {
        this.codec = codec;
        this.mapping = mapping;
    }

    public JavaScriptCodec codec() {
        return codec;
    }

    @Override
    public Decoded decode(int port, byte[] payload) throws DecodingException {
        CodecOutput output = codec.decodeUplink(new CodecInput(port, payload, null));
        if (!output.errors().isEmpty()) {
            throw new DecodingException(String.join("; ", output.errors()));
        }
        if (output.data() == null) {
            throw new DecodingException("decodeUplink returned neither data nor errors");
        }
        List<String> warnings = new ArrayList<>(output.warnings());
        Map<String, Property> properties = mapping.apply(output.data(), warnings);
        return new Decoded(properties, warnings);
    }
}
