package io.urbanhub.codecs.internal;

import java.time.Instant;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/** The argument of decodeUplink: {@code {bytes: [...], fPort: n, recvTime?: Date}}. */
public record CodecInput(int fPort, byte[] bytes, Instant recvTime) {

    public CodecInput {
        bytes = bytes.clone();
    }

    Scriptable toScript(Context context, Scriptable scope) {
        Object[] unsigned = new Object[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            unsigned[i] = bytes[i] & 0xFF;
        }
        Scriptable input = context.newObject(scope);
        ScriptableObject.putProperty(input, "bytes", context.newArray(scope, unsigned));
        ScriptableObject.putProperty(input, "fPort", fPort);
        if (recvTime != null) {
            ScriptableObject.putProperty(input, "recvTime",
                    context.newObject(scope, "Date", new Object[] {(double) recvTime.toEpochMilli()}));
        }
        return input;
    }
}
