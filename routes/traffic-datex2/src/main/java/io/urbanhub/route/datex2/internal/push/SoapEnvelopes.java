package io.urbanhub.route.datex2.internal.push;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.XMLEvent;

/**
 * The SOAP side of the DATEX II v2 push interface ({@code putDatex2Data}): the publication is the first
 * element of the envelope's body; the answer acknowledges it with a {@code d2LogicalModel} whose exchange
 * says {@code acknowledge}, and a publication that cannot be read gets a SOAP fault with the reason.
 */
final class SoapEnvelopes {

    static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP_12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final XMLInputFactory INPUT = secureInput();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private SoapEnvelopes() {
    }

    /**
     * The publication inside the envelope. It is copied out, up to a limit, because the DATEX II reader
     * reads a document of its own.
     */
    static InputStream publication(InputStream envelope, int maxBytes) {
        try {
            XMLEventReader events = INPUT.createXMLEventReader(envelope);
            int depth = 0;
            boolean inBody = false;
            while (events.hasNext()) {
                XMLEvent event = events.nextEvent();
                if (event.isStartElement()) {
                    depth++;
                    String name = event.asStartElement().getName().getLocalPart();
                    String namespace = event.asStartElement().getName().getNamespaceURI();
                    boolean soap = SOAP_11.equals(namespace) || SOAP_12.equals(namespace);
                    if (depth == 1 && !(soap && name.equals("Envelope"))) {
                        throw new IllegalArgumentException("not a SOAP envelope: the document starts with " + name);
                    }
                    if (soap && name.equals("Body")) {
                        inBody = true;
                    } else if (inBody) {
                        return copy(event, events, maxBytes);
                    }
                } else if (event.isEndElement()) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("malformed SOAP envelope: " + e.getMessage());
        }
        throw new IllegalArgumentException("the SOAP body holds no publication");
    }

    private static InputStream copy(XMLEvent start, XMLEventReader events, int maxBytes) throws XMLStreamException {
        LimitedBuffer buffer = new LimitedBuffer(maxBytes);
        XMLEventWriter writer = OUTPUT.createXMLEventWriter(buffer, "UTF-8");
        writer.add(start);
        int depth = 1;
        while (depth > 0 && events.hasNext()) {
            XMLEvent event = events.nextEvent();
            depth += event.isStartElement() ? 1 : event.isEndElement() ? -1 : 0;
            writer.add(event);
        }
        writer.flush();
        return new ByteArrayInputStream(buffer.toByteArray());
    }

    static String acknowledgement() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + SOAP_11 + "\"><soapenv:Body>"
                + "<d2LogicalModel xmlns=\"http://datex2.eu/schema/2/2_0\" modelBaseVersion=\"2\"><exchange>"
                + "<response>acknowledge</response><supplierIdentification><country>de</country>"
                + "<nationalIdentifier>UrbanHub</nationalIdentifier></supplierIdentification></exchange></d2LogicalModel>"
                + "</soapenv:Body></soapenv:Envelope>";
    }

    static String fault(String reason) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + SOAP_11 + "\"><soapenv:Body>"
                + "<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>" + escape(reason) + "</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static XMLInputFactory secureInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // no DTDs and no external entities: a pushed document must not reach into the hub's files or network
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** Refuses to grow beyond its limit, so that a huge push cannot fill the heap. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {
        private final int limit;

        LimitedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            check(length);
            super.write(bytes, offset, length);
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int more) {
            if (size() + more > limit) {
                throw new IllegalArgumentException("the pushed publication is larger than " + limit + " bytes");
            }
        }
    }
}
