package io.urbanhub.codecs.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

import io.urbanhub.api.spi.DecodingException;

/**
 * Runs device-repository codecs in Rhino. The standard objects are made once and sealed, so that every
 * call shares them and none can change them for the others; each call then runs the codec's compiled
 * script in a fresh scope of its own, so no state survives from one uplink to the next.
 *
 * <p>What the limits bound: script instructions (loops, calls, recursion, regular-expression backtracking),
 * time, interpreter stack depth, and the size of what a call returns. What they cannot bound: the time and
 * memory of one built-in call, which runs as Java without looking at the limits ({@code a.indexOf(x)} on
 * an array of length 2^32, {@code new Array(1e9).fill(0)}). Calls therefore run on {@link Workers}: the
 * caller gets its answer by the time limit in any case. A call that runs out of memory fails alone when
 * the allocation that failed was its own; allocations just below the heap size still starve the hub.
 */
public final class CodecEngine implements AutoCloseable {

    static final String ENTRY_POINT = "decodeUplink";
    /** How long past the time limit a caller waits for Rhino to notice it before giving up on the call. */
    private static final Duration GRACE = Duration.ofMillis(100);
    /** Compiling is not limited (Rhino's first compile loads its classes); a codec's top level is. */
    private static final Duration COMPILE_WAIT = Duration.ofSeconds(10);
    private static final int MAX_CALLS_AT_ONCE = 32;

    private final CodecLimits limits;
    private final GuardedContextFactory contexts;
    private final ScriptableObject standardObjects;
    private final Workers workers = new Workers(MAX_CALLS_AT_ONCE);

    public CodecEngine(CodecLimits limits) {
        this.limits = limits;
        this.contexts = new GuardedContextFactory(limits);
        Context context = contexts.enterContext();
        try {
            standardObjects = context.initSafeStandardObjects(null, true);
        } finally {
            Context.exit();
        }
    }

    public CodecLimits limits() {
        return limits;
    }

    /**
     * Whether Rhino found its regular expressions. It looks for them through java.util.ServiceLoader once,
     * when it is first used; in OSGi that needs the Service Loader Mediator and Rhino's bundle started.
     */
    public boolean hasRegularExpressions() {
        try {
            compile("regular-expressions.js", "var ok = /^a+$/.test('aa'); function decodeUplink(input) { return {}; }");
            return true;
        } catch (BrokenCodecException e) {
            return false;
        }
    }

    /** Compiles a codec and runs its top level once, under the limits, to see that it defines decodeUplink. */
    public JavaScriptCodec compile(String fileName, String source) throws BrokenCodecException {
        try {
            Script script = workers.run(() -> inContext(context -> {
                Script compiled = context.compileString(ConstAsLet.rewrite(source), fileName, 1, null);
                context.startCall();
                start(context, compiled);
                return compiled;
            }), deadline().plus(COMPILE_WAIT), new AtomicInteger(), lateReason());
            return new JavaScriptCodec(this, fileName, script);
        } catch (DecodingException e) {
            throw new BrokenCodecException(e.getMessage());
        }
    }

    @Override
    public void close() {
        workers.close();
    }

    /** One call: a fresh scope, the codec's top level, then decodeUplink(input); its result copied out. */
    CodecOutput call(Script script, CodecInput input, AtomicInteger overrunning) throws DecodingException {
        return workers.run(() -> inContext(context -> {
            context.startCall();
            Started codec = start(context, script);
            Object result = codec.decodeUplink().call(context, codec.scope(), codec.scope(),
                    new Object[] {input.toScript(context, codec.scope())});
            return new OutputReader(limits).read(result);
        }), deadline(), overrunning, lateReason());
    }

    private Duration deadline() {
        return limits.timeout().plus(GRACE);
    }

    private String lateReason() {
        return "the codec ran longer than " + limits.timeout().toMillis() + " ms";
    }

    private interface InContext<T> {
        T run(GuardedContext context) throws DecodingException;
    }

    private <T> T inContext(InContext<T> work) throws DecodingException {
        GuardedContext context = contexts.enterGuarded();
        try {
            return work.run(context);
        } catch (RhinoException e) {
            throw new DecodingException(describe(e));
        } catch (LimitExceeded e) {
            throw new DecodingException(e.getMessage());
        } catch (StackOverflowError e) {
            throw new DecodingException("the codec nests too deeply");
        } catch (OutOfMemoryError e) {
            throw new DecodingException("the codec ran out of memory");
        } finally {
            Context.exit();
        }
    }

    private record Started(Scriptable scope, Function decodeUplink) {
    }

    private Started start(Context context, Script script) throws DecodingException {
        Scriptable scope = context.newObject(standardObjects);
        scope.setPrototype(standardObjects);
        scope.setParentScope(null);
        script.exec(context, scope, scope);
        Object function = ScriptableObject.getProperty(scope, ENTRY_POINT);
        if (!(function instanceof Function decodeUplink)) {
            throw new DecodingException("the codec defines no function " + ENTRY_POINT + "(input)");
        }
        return new Started(scope, decodeUplink);
    }

    private static String describe(RhinoException e) {
        String where = e.lineNumber() > 0 ? " (line " + e.lineNumber() + (e.columnNumber() > 0 ? ", column " + e.columnNumber() : "") + ")" : "";
        return e.details() + where;
    }
}
