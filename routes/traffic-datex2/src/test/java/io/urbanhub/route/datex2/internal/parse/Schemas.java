package io.urbanhub.route.datex2.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/** The DATEX II schemas kept in the test resources. */
final class Schemas {

    private Schemas() {
    }

    static Schema v2() throws SAXException {
        return load("xsd/v2.3/DATEXIISchema_2_2_3.xsd");
    }

    /** D2Payload does not import the parking namespace, so the parking schema is loaded beside it. */
    static Schema v3Parking() throws SAXException {
        return load("xsd/v3.1/DATEXII_3_D2Payload.xsd", "xsd/v3.1/DATEXII_3_Parking.xsd");
    }

    static void validate(Schema schema, String resource) throws SAXException, IOException {
        try (InputStream in = Schemas.class.getResourceAsStream("/datex2/" + resource)) {
            schema.newValidator().validate(new StreamSource(in, resource));
        }
    }

    private static Schema load(String... resources) throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Source[] sources = new Source[resources.length];
        for (int i = 0; i < resources.length; i++) {
            URL url = Schemas.class.getResource("/datex2/" + resources[i]);
            sources[i] = new StreamSource(url.toExternalForm());
        }
        return factory.newSchema(sources);
    }
}
