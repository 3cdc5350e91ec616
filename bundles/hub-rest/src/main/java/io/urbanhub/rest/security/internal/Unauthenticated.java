package io.urbanhub.rest.security.internal;

/** Credentials were sent but are not good: the request is answered 401, whatever it asks for. */
final class Unauthenticated extends RuntimeException {

    Unauthenticated(String reason) {
        super(reason, null, false, false);
    }
}
