package io.urbanhub.route.kdn.open311.internal.parse;

/**
 * One element of a response as read: a request, or the reason it is not one. The element's text travels
 * with it, so a dead letter shows what the server sent.
 */
public record Record(ServiceRequest request, String problem, String text) {

    static Record of(ServiceRequest request, String text) {
        return new Record(request, null, text);
    }

    static Record bad(String problem, String text) {
        return new Record(null, problem, text);
    }
}
