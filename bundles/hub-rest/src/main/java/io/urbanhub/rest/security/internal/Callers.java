package io.urbanhub.rest.security.internal;

import java.util.List;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * The caller {@link ApiAccessFilter} named for the request this thread serves, kept on CXF's message of the request:
 * a filter's request properties end up as servlet request attributes under the servlet transport.
 */
public final class Callers {

    private static final String PROPERTY = Caller.class.getName();
    /** No request, or one the filter did not see: nothing is allowed. */
    private static final Caller NOBODY = Caller.anonymous(List.of());

    private Callers() {
    }

    /** @return false when no request is being served on this thread */
    static boolean bind(Caller caller) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message == null) {
            return false;
        }
        message.put(PROPERTY, caller);
        return true;
    }

    public static Caller current() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object caller = message == null ? null : message.get(PROPERTY);
        return caller instanceof Caller known ? known : NOBODY;
    }
}
