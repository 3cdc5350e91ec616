package io.urbanhub.route.meter.internal;

import java.util.ArrayList;
import java.util.List;

/** One segment as read: its tag, where it stands, and its elements' components (1-based, as EDIFACT counts). */
final class EdifactSegment {

    private final String tag;
    private final int position;
    private final int line;
    private final List<List<String>> elements = new ArrayList<>();

    EdifactSegment(String tag, int position, int line) {
        this.tag = tag;
        this.position = position;
        this.line = line;
    }

    String tag() {
        return tag;
    }

    /** Counted from the start of the interchange. */
    int position() {
        return position;
    }

    int line() {
        return line;
    }

    void put(int element, int component, String text) {
        while (elements.size() < element) {
            elements.add(new ArrayList<>());
        }
        List<String> components = elements.get(element - 1);
        int index = Math.max(component, 1) - 1;
        while (components.size() <= index) {
            components.add("");
        }
        components.set(index, text);
    }

    /** The component's text, or empty when the segment does not have it. */
    String value(int element, int component) {
        if (element > elements.size()) {
            return "";
        }
        List<String> components = elements.get(element - 1);
        return component > components.size() ? "" : components.get(component - 1);
    }

    /** The segment written out again, for dead letters and their readers. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(tag);
        for (List<String> components : elements) {
            text.append('+').append(String.join(":", components));
        }
        return text.append('\'').toString();
    }
}
