package io.urbanhub.codecs.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * Makes the contexts codecs run in: interpreted, because only the interpreter reports its instruction
 * count and bounds its stack; compiled with debug information, because Rhino then makes no tail calls,
 * which would recurse without growing the stack; the newest language level Rhino has; no Java classes.
 */
final class GuardedContextFactory extends ContextFactory {

    /** Often enough that a 100 ms limit is kept to about a millisecond, rare enough to cost nothing. */
    private static final int OBSERVER_THRESHOLD = 10_000;

    private final CodecLimits limits;

    GuardedContextFactory(CodecLimits limits) {
        this.limits = limits;
    }

    GuardedContext enterGuarded() {
        return (GuardedContext) enterContext();
    }

    @Override
    protected Context makeContext() {
        GuardedContext context = new GuardedContext(this, limits);
        context.setInterpretedMode(true);
        context.setLanguageVersion(Context.VERSION_ECMASCRIPT);
        context.setInstructionObserverThreshold((int) Math.min(OBSERVER_THRESHOLD, limits.instructionBudget()));
        context.setMaximumInterpreterStackDepth(limits.maxStackDepth());
        context.setClassShutter(className -> false);
        context.setGeneratingDebug(true);
        return context;
    }

    @Override
    protected boolean hasFeature(Context context, int feature) {
        if (feature == Context.FEATURE_LOCATION_INFORMATION_IN_ERROR) {
            return true;
        }
        return super.hasFeature(context, feature);
    }

    @Override
    protected void observeInstructionCount(Context context, int instructionCount) {
        ((GuardedContext) context).charge(instructionCount);
    }
}
