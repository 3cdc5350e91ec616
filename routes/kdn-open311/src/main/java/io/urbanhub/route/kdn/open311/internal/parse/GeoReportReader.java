package io.urbanhub.route.kdn.open311.internal.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads GeoReport v2 {@code requests} and {@code services} responses in JSON or XML. The examples of the
 * specification itself write numbers with leading zeros ({@code "service_code":006}), and servers copied
 * them, so JSON is read with leading zeros allowed; such a number then reads as its value ({@code 6}).
 */
public final class GeoReportReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .build();

    private GeoReportReader() {
    }

    public static List<Record> requests(byte[] body, Format format) throws Open311Exception {
        if (format == Format.JSON) {
            List<Record> records = new ArrayList<>();
            for (JsonNode node : jsonArray(body)) {
                records.add(request(name -> text(node.get(name)), node.toString()));
            }
            return records;
        }
        List<Record> records = new ArrayList<>();
        for (Element element : xmlChildren(body, "service_requests", "request")) {
            records.add(request(name -> text(element, name), xmlText(element)));
        }
        return records;
    }

    public static List<Service> services(byte[] body, Format format) throws Open311Exception {
        List<Service> services = new ArrayList<>();
        if (format == Format.JSON) {
            for (JsonNode node : jsonArray(body)) {
                services.add(new Service(text(node.get("service_code")), text(node.get("service_name")), text(node.get("group"))));
            }
        } else {
            for (Element element : xmlChildren(body, "services", "service")) {
                services.add(new Service(text(element, "service_code"), text(element, "service_name"), text(element, "group")));
            }
        }
        return services;
    }

    /** The answer to a submitted request: its id, or the token to ask for the id later. */
    public static String submitted(byte[] body) throws Open311Exception {
        for (JsonNode node : jsonArray(body)) {
            String id = text(node.get("service_request_id"));
            String token = text(node.get("token"));
            if (id != null || token != null) {
                return id != null ? id : token;
            }
        }
        throw new Open311Exception("answer holds neither service_request_id nor token: " + abbreviate(body));
    }

    private static Record request(Function<String, String> field, String text) {
        String id = field.apply("service_request_id");
        if (id == null) {
            return Record.bad("request without service_request_id", text);
        }
        Double lat;
        Double lon;
        try {
            lat = number(field.apply("lat"));
            lon = number(field.apply("long"));
        } catch (NumberFormatException e) {
            return Record.bad("request " + id + ": lat/long not a number", text);
        }
        return Record.of(new ServiceRequest(id, field.apply("token"), field.apply("status"), field.apply("status_notes"),
                field.apply("service_name"), field.apply("service_code"), field.apply("description"),
                field.apply("agency_responsible"), field.apply("requested_datetime"), field.apply("updated_datetime"),
                field.apply("expected_datetime"), field.apply("address"), field.apply("zipcode"), lat, lon,
                field.apply("media_url")), text);
    }

    private static JsonNode jsonArray(byte[] body) throws Open311Exception {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new Open311Exception("not JSON: " + abbreviate(body), e);
        }
        if (root == null || !root.isArray()) {
            throw new Open311Exception("not a JSON array: " + abbreviate(body));
        }
        return root;
    }

    private static List<Element> xmlChildren(byte[] body, String root, String child) throws Open311Exception {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a response is data, never a way to read files or other hosts
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new Open311Exception("not XML: " + abbreviate(body), e);
        }
        Element top = document.getDocumentElement();
        if (!root.equals(top.getTagName())) {
            throw new Open311Exception("XML root is <" + top.getTagName() + ">, not <" + root + ">");
        }
        List<Element> children = new ArrayList<>();
        for (Node node = top.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && child.equals(element.getTagName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return blankToNull(node.asText());
    }

    private static String text(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return blankToNull(element.getTextContent());
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }

    private static String xmlText(Element element) {
        try {
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            return element.getTextContent();
        }
    }

    static String abbreviate(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(empty body)" : "'" + text + (body.length > 120 ? "…'" : "'");
    }
}
