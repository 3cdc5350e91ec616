package io.urbanhub.codecs.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.mozilla.javascript.Script;

import io.urbanhub.api.spi.DecodingException;

/** One compiled codec. Thread-safe: the compiled script is shared, every call runs in a scope of its own. */
public final class JavaScriptCodec {

    private final CodecEngine engine;
    private final String fileName;
    private final Script script;
    /** Calls that went past their time limit and still run. */
    private final AtomicInteger overrunning = new AtomicInteger();

    JavaScriptCodec(CodecEngine engine, String fileName, Script script) {
        this.engine = engine;
        this.fileName = fileName;
        this.script = script;
    }

    public String fileName() {
        return fileName;
    }

    /** Runs decodeUplink; anything the codec does wrong, within or beyond its limits, is a DecodingException. */
    public CodecOutput decodeUplink(CodecInput input) throws DecodingException {
        return engine.call(script, input, overrunning);
    }
}
