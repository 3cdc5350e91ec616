package io.urbanhub.codecs.internal;

import java.time.Duration;

/**
 * What one codec call may use. The engine enforces the time and instruction limits while the script runs
 * and the stack depth in Rhino's interpreter; {@link OutputReader} enforces the output limits.
 *
 * @param timeout           wall-clock time of one call, checked every few thousand instructions
 * @param instructionBudget interpreter instructions of one call (regular-expression steps count too); also
 *                          bounds what a call can allocate in script loops, independent of machine load
 * @param maxStackDepth     nested script function calls
 * @param maxOutputValues   values in the returned object, all levels together (an array of n counts n)
 * @param maxOutputDepth    nesting of objects and arrays in the returned object
 * @param maxStringLength   characters of one string in the returned object
 */
public record CodecLimits(Duration timeout, long instructionBudget, int maxStackDepth, int maxOutputValues,
        int maxOutputDepth, int maxStringLength) {

    /** Like ChirpStack's codec timeout; the rest is far above what device-repository codecs need. */
    public static final CodecLimits DEFAULTS = new CodecLimits(Duration.ofMillis(100), 10_000_000, 200, 1_000, 10, 10_000);

    public CodecLimits {
        if (timeout.isNegative() || timeout.isZero() || instructionBudget < 1 || maxStackDepth < 1 || maxOutputValues < 1
                || maxOutputDepth < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException("Codec limits must be positive: " + timeout + ", " + instructionBudget
                    + " instructions, stack depth " + maxStackDepth + ", " + maxOutputValues + " output values, depth "
                    + maxOutputDepth + ", strings of " + maxStringLength);
        }
    }
}
