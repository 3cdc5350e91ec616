package io.urbanhub.route.datex2.internal.parse;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.urbanhub.route.datex2.internal.parse.Datex2Exception.Reason;

/**
 * Streams a DATEX II v2 or v3 publication into records, one record in memory at a time.
 * Elements it does not know are skipped, so extended and profiled feeds still read.
 */
public final class Datex2Reader {

    static final String V2_NAMESPACE = "http://datex2.eu/schema/2/2_0";
    static final String V3_NAMESPACE_PREFIX = "http://datex2.eu/schema/3/";
    static final String V3_PARKING_NAMESPACE = "http://datex2.eu/schema/3/parking";
    private static final String DATEX2_NAMESPACE_PREFIX = "http://datex2.eu/schema/";

    /** Child elements that only group records, at any depth below the publication. */
    private static final Set<String> TABLES = Set.of("parkingTable", "parkingFacilityTable", "measurementSiteTable");

    /** The publications a v2 GenericPublication may wrap, by the wrapping element. */
    private static final Map<String, PublicationKind> GENERIC_EXTENSIONS = Map.of(
            "parkingTablePublication", PublicationKind.PARKING_TABLE,
            "parkingFacilityTablePublication", PublicationKind.PARKING_TABLE,
            "parkingStatusPublication", PublicationKind.PARKING_STATUS,
            "parkingFacilityTableStatusPublication", PublicationKind.PARKING_STATUS);

    private static final Map<String, PublicationKind> V2_TYPES = Map.of(
            "MeasuredDataPublication", PublicationKind.MEASURED_DATA,
            "MeasurementSiteTablePublication", PublicationKind.MEASUREMENT_SITE_TABLE);

    private static final Map<String, PublicationKind> V3_PARKING_TYPES = Map.of(
            "ParkingTablePublication", PublicationKind.PARKING_TABLE,
            "ParkingStatusPublication", PublicationKind.PARKING_STATUS);

    private final XMLStreamReader xml;
    private final Datex2Handler handler;
    private boolean rootSeen;

    private Datex2Reader(XMLStreamReader xml, Datex2Handler handler) {
        this.xml = xml;
        this.handler = handler;
    }

    /**
     * Reads one document and hands each record to the handler as soon as it is complete.
     * The stream is read to the end of the document but not closed.
     */
    public static void read(InputStream input, Datex2Handler handler) throws Datex2Exception {
        XMLStreamReader xml = null;
        Datex2Reader reader = null;
        try {
            xml = secureFactory().createXMLStreamReader(input);
            reader = new Datex2Reader(xml, handler);
            reader.readDocument();
            while (xml.hasNext()) {
                xml.next();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            String what = reader != null && reader.rootSeen ? "malformed XML" : "not XML";
            throw new Datex2Exception(Reason.MALFORMED_XML, what + ": " + e.getMessage(), line, e);
        } finally {
            closeQuietly(xml);
        }
    }

    /** No DTDs and no external entities: feeds come from outside. */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private void readDocument() throws XMLStreamException, Datex2Exception {
        if (nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw new Datex2Exception(Reason.NOT_DATEX2, "the document has no root element", line(), null);
        }
        rootSeen = true;
        String namespace = nullToEmpty(xml.getNamespaceURI());
        String root = xml.getLocalName();
        if (!namespace.startsWith(DATEX2_NAMESPACE_PREFIX)) {
            throw new Datex2Exception(Reason.NOT_DATEX2, "root element <" + root + "> in namespace '" + namespace
                    + "' is not a DATEX II document", line(), null);
        }
        boolean payloadSeen;
        if (namespace.equals(V2_NAMESPACE) && root.equals("d2LogicalModel")) {
            payloadSeen = readPayloadsBelow("payloadPublication", "2");
        } else if (namespace.startsWith(V3_NAMESPACE_PREFIX) && root.equals("payload")) {
            readPayload("3");
            payloadSeen = true;
        } else if (namespace.startsWith(V3_NAMESPACE_PREFIX) && root.equals("messageContainer")) {
            payloadSeen = readPayloadsBelow("payload", "3");
        } else {
            throw new Datex2Exception(Reason.UNKNOWN_VERSION, "<" + root + "> in namespace '" + namespace
                    + "' is not a known DATEX II version (v2 " + V2_NAMESPACE + " or v3 " + V3_NAMESPACE_PREFIX
                    + "...)", line(), null);
        }
        if (!payloadSeen) {
            throw new Datex2Exception(Reason.UNSUPPORTED_PUBLICATION, "the document holds no publication");
        }
    }

    private boolean readPayloadsBelow(String payloadElement, String version)
            throws XMLStreamException, Datex2Exception {
        boolean seen = false;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals(payloadElement)) {
                readPayload(version);
                seen = true;
            } else {
                skipElement();
            }
        }
        return seen;
    }

    /** On the payload's start tag; leaves the reader on its end tag. */
    private void readPayload(String version) throws XMLStreamException, Datex2Exception {
        String type = xml.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
        PublicationKind kind = typedKind(version, type);
        Instant publicationTime = null;
        boolean headerSent = false;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String element = xml.getLocalName();
            if (element.equals("publicationTime")) {
                publicationTime = publicationTime();
            } else if (kind == null && element.equals("genericPublicationExtension")) {
                kind = readGenericExtension(version, publicationTime);
                headerSent = true;
            } else if (kind != null && (TABLES.contains(element) || isRecord(kind, element))) {
                if (!headerSent) {
                    handler.publication(new Publication(version, kind, publicationTime));
                    headerSent = true;
                }
                readRecordsOrTable(kind);
            } else {
                skipElement();
            }
        }
        if (kind == null) {
            throw new Datex2Exception(Reason.UNSUPPORTED_PUBLICATION,
                    "GenericPublication wraps none of " + GENERIC_EXTENSIONS.keySet(), line(), null);
        }
        if (!headerSent) {
            handler.publication(new Publication(version, kind, publicationTime));
        }
    }

    /** The kind a typed payload declares; null for a v2 GenericPublication, whose wrapper tells. */
    private PublicationKind typedKind(String version, String type) throws Datex2Exception {
        if (type == null) {
            throw new Datex2Exception(Reason.UNSUPPORTED_PUBLICATION,
                    "the publication has no xsi:type naming its kind", line(), null);
        }
        int colon = type.indexOf(':');
        String local = type.substring(colon + 1);
        String namespace = nullToEmpty(xml.getNamespaceContext().getNamespaceURI(
                colon < 0 ? XMLConstants.DEFAULT_NS_PREFIX : type.substring(0, colon)));
        PublicationKind kind;
        if (version.equals("2")) {
            if (local.equals("GenericPublication")) {
                return null;
            }
            kind = V2_TYPES.get(local);
        } else {
            kind = namespace.equals(V3_PARKING_NAMESPACE) ? V3_PARKING_TYPES.get(local) : null;
        }
        if (kind == null) {
            throw new Datex2Exception(Reason.UNSUPPORTED_PUBLICATION, "DATEX II v" + version + " publication type "
                    + local + (namespace.isEmpty() ? "" : " of " + namespace) + " is not supported", line(), null);
        }
        return kind;
    }

    /** On genericPublicationExtension; its first known child decides the kind. */
    private PublicationKind readGenericExtension(String version, Instant publicationTime)
            throws XMLStreamException, Datex2Exception {
        PublicationKind kind = null;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            PublicationKind wrapped = GENERIC_EXTENSIONS.get(xml.getLocalName());
            if (kind == null && wrapped != null) {
                kind = wrapped;
                handler.publication(new Publication(version, kind, publicationTime));
                readChildren(kind);
            } else {
                skipElement();
            }
        }
        return kind;
    }

    /** On a table or a record start tag. */
    private void readRecordsOrTable(PublicationKind kind) throws XMLStreamException, Datex2Exception {
        if (isRecord(kind, xml.getLocalName())) {
            deliver(kind, XmlNode.read(xml));
        } else {
            readChildren(kind);
        }
    }

    private void readChildren(PublicationKind kind) throws XMLStreamException, Datex2Exception {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String element = xml.getLocalName();
            if (TABLES.contains(element) || isRecord(kind, element)) {
                readRecordsOrTable(kind);
            } else {
                skipElement();
            }
        }
    }

    private static boolean isRecord(PublicationKind kind, String element) {
        return switch (kind) {
            case PARKING_TABLE -> element.equals("parkingRecord") || element.equals("parkingFacility");
            case PARKING_STATUS -> element.equals("parkingRecordStatus") || element.equals("parkingFacilityStatus")
                    || element.equals("parkingAreaStatus");
            case MEASUREMENT_SITE_TABLE -> element.equals("measurementSiteRecord");
            case MEASURED_DATA -> element.equals("siteMeasurements");
        };
    }

    private void deliver(PublicationKind kind, XmlNode record) throws Datex2Exception {
        switch (record.name()) {
            case "parkingRecord" -> handler.parkingSite(ParkingSiteMapping.fromParkingRecord(record));
            case "parkingFacility" -> handler.parkingSite(ParkingSiteMapping.fromParkingFacility(record));
            case "parkingRecordStatus" -> handler.parkingStatus(ParkingStatusMapping.fromParkingRecordStatus(record));
            case "parkingFacilityStatus" ->
                handler.parkingStatus(ParkingStatusMapping.fromParkingFacilityStatus(record));
            case "parkingAreaStatus" -> handler.parkingStatus(ParkingStatusMapping.fromParkingAreaStatus(record));
            case "measurementSiteRecord" -> handler.measurementSite(TrafficMapping.site(record));
            case "siteMeasurements" -> {
                for (TrafficFlow flow : TrafficMapping.flows(record)) {
                    handler.trafficFlow(flow);
                }
            }
            default -> throw new IllegalStateException("no mapping for " + kind + " record " + record.name());
        }
    }

    private Instant publicationTime() throws XMLStreamException, Datex2Exception {
        return Values.instant(XmlNode.read(xml));
    }

    /**
     * The next start or end tag. Unlike {@link XMLStreamReader#nextTag()} it passes over a
     * DOCTYPE and stray text, so that an HTML page is recognised as such rather than failing.
     */
    private int nextTag() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                    || event == XMLStreamConstants.END_DOCUMENT) {
                return event;
            }
        }
    }

    /** On a start tag; leaves the reader on its matching end tag. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private int line() {
        return xml.getLocation().getLineNumber();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static void closeQuietly(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the document has been read or has failed already; nothing more to report
            }
        }
    }
}
