package io.urbanhub.route.kdn.open311.internal.parse;

/** One entry of {@code GET services}: what a citizen can report, under which code. */
public record Service(String code, String name, String group) {
}
