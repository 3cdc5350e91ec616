package io.urbanhub.codecs.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.debug.DebugFrame;
import org.mozilla.javascript.debug.DebuggableScript;
import org.mozilla.javascript.debug.Debugger;

/**
 * A Rhino context that counts what the current call used and stops it at its limits. Rhino's interpreter
 * reports its instruction count only at jumps (loops, conditions, exceptions); function calls are seen
 * through the debugger interface, whose frame hook runs on every call. Together they leave no script code
 * path unwatched: code between a jump and a call is straight and short.
 */
final class GuardedContext extends Context {

    /** What Rhino itself charges for a call. */
    private static final int CALL_COST = 100;

    private final CodecLimits limits;
    private long deadline;
    private long instructionsLeft;

    GuardedContext(ContextFactory factory, CodecLimits limits) {
        super(factory);
        this.limits = limits;
        setDebugger(new CallWatch(), null);
    }

    void startCall() {
        deadline = System.nanoTime() + limits.timeout().toNanos();
        instructionsLeft = limits.instructionBudget();
    }

    void charge(int instructions) {
        instructionsLeft -= instructions;
        if (instructionsLeft < 0) {
            throw new LimitExceeded("the codec used more than " + limits.instructionBudget() + " instructions");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new LimitExceeded("the codec ran longer than " + limits.timeout().toMillis() + " ms");
        }
    }

    /** Charges every script function call; returns no frame, so Rhino adds no debugging work. */
    private static final class CallWatch implements Debugger {

        @Override
        public void handleCompilationDone(Context context, DebuggableScript script, String source) {
            // nothing to know about compilation
        }

        @Override
        public DebugFrame getFrame(Context context, DebuggableScript script) {
            ((GuardedContext) context).charge(CALL_COST);
            return null;
        }
    }
}
