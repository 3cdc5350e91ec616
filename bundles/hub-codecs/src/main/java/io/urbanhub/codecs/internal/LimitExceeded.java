package io.urbanhub.codecs.internal;

/**
 * Stops a script that went over its limits. An {@link Error}, because Rhino lets neither a script's
 * {@code catch} nor its {@code finally} run for one: a codec cannot swallow it and go on looping.
 */
final class LimitExceeded extends Error {

    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
        super(message, null, false, false);
    }
}
