package io.urbanhub.runtime.internal;

import java.util.Locale;

import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.NoSuchLanguageException;

/** Tells a start that waits for a Camel extension bundle from one that failed for good. */
final class StartFailures {

    private StartFailures() {
    }

    /** True when routes could not start because a component, language or data format is not installed yet. */
    static boolean awaitsMissingExtension(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoSuchEndpointException || cause instanceof NoSuchLanguageException) {
                return true;
            }
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no component found with scheme") || message.contains("cannot find data format")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The innermost message, which names what is wrong rather than where it surfaced. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
