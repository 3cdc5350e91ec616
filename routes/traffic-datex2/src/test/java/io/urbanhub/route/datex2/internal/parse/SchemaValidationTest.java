package io.urbanhub.route.datex2.internal.parse;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/** The samples and hand-written publications the reader is tested with are what the standard says. */
class SchemaValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"aachen-static.xml", "aachen-realtime.xml", "bondorf-realtime.xml",
            "v2-measurement-site-table.xml", "v2-measured-data.xml"})
    void v2PublicationValidatesAgainstTheFullV23Schema(String resource) throws Exception {
        Schemas.validate(Schemas.v2(), resource);
    }

    /**
     * The MDM facility profile puts its own publications into the 2_0 namespace, where the
     * generic extension only admits other namespaces; Frankfurt also carries extensionName.
     */
    @ParameterizedTest
    @ValueSource(strings = {"frankfurt-dynamic.xml", "bondorf-static.xml", "stuttgart-realtime.xml"})
    void mdmFacilityProfileDoesNotValidateAgainstTheFullV23Schema(String resource) {
        assertThrows(SAXException.class, () -> Schemas.validate(Schemas.v2(), resource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3-parking-table.xml", "v3-parking-status.xml"})
    void v3PublicationValidatesAgainstTheV3PayloadAndParkingSchemas(String resource) throws Exception {
        Schemas.validate(Schemas.v3Parking(), resource);
    }
}
