package io.urbanhub.rest.security.internal;

import java.util.List;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/** The caller {@link ApiAccessFilter} named for the request this thread serves. */
public final class Callers {

    static final String PROPERTY = Caller.class.getName();
    /** No request, or one the filter did not see: nothing is allowed. */
    private static final Caller NOBODY = Caller.anonymous(List.of());

    private Callers() {
    }

    public static Caller current() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object caller = message == null ? null : message.get(PROPERTY);
        return caller instanceof Caller known ? known : NOBODY;
    }
}
