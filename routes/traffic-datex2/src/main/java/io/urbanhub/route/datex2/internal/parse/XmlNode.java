package io.urbanhub.route.datex2.internal.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One record's subtree, by local names. Records are small, so each is read whole and then
 * mapped, while the publication around them is only ever streamed.
 */
final class XmlNode {

    /** Far above any real record; stops a hostile or broken feed from filling the heap. */
    static final int MAX_ELEMENTS = 50_000;

    private final String name;
    private final int line;
    private final Map<String, String> attributes = new HashMap<>();
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name, int line) {
        this.name = name;
        this.line = line;
    }

    /** Reads the element the reader is on, leaving the reader on its end tag. */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException, Datex2Exception {
        XmlNode root = start(reader);
        List<XmlNode> open = new ArrayList<>(List.of(root));
        int elements = 1;
        while (!open.isEmpty()) {
            int event = reader.next();
            XmlNode current = open.get(open.size() - 1);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (++elements > MAX_ELEMENTS) {
                    throw new Datex2Exception(Datex2Exception.Reason.INVALID_VALUE, "record <" + root.name
                            + "> has more than " + MAX_ELEMENTS + " elements", root.line, null);
                }
                XmlNode child = start(reader);
                current.children.add(child);
                open.add(child);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open.remove(open.size() - 1);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                current.text.append(reader.getText());
            }
        }
        return root;
    }

    private static XmlNode start(XMLStreamReader reader) {
        XmlNode node = new XmlNode(reader.getLocalName(), reader.getLocation().getLineNumber());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            node.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return node;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    String attribute(String localName) {
        return attributes.get(localName);
    }

    /** The trimmed text of this element, null when empty. */
    String text() {
        String trimmed = text.toString().trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The first element along the path of child names, or null. */
    XmlNode child(String... path) {
        XmlNode node = this;
        for (String step : path) {
            node = node.firstChild(step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The text at the path of child names, or null. */
    String text(String... path) {
        XmlNode node = child(path);
        return node == null ? null : node.text();
    }

    List<XmlNode> children(String childName) {
        List<XmlNode> found = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first descendant of that name, depth first in document order, or null. */
    XmlNode descendant(String descendantName) {
        for (XmlNode child : children) {
            if (child.name.equals(descendantName)) {
                return child;
            }
            XmlNode deeper = child.descendant(descendantName);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    private XmlNode firstChild(String childName) {
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }
}
