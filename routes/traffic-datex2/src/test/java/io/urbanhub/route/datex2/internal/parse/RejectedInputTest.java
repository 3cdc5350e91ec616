package io.urbanhub.route.datex2.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.urbanhub.route.datex2.internal.parse.Datex2Exception.Reason;

/** Each kind of input the reader refuses, with a reason a supplier can act on. */
class RejectedInputTest {

    private static final String V2_HEAD = """
            <d2LogicalModel xmlns="http://datex2.eu/schema/2/2_0"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" modelBaseVersion="2">
            """;

    @Test
    void malformedXmlNamesTheLine() {
        Datex2Exception e = rejected(V2_HEAD + """
                  <payloadPublication xsi:type="GenericPublication" lang="de">
                    <publicationTime>2025-01-01T00:00:00Z</publicationTime>
                  </payloadPublikation>
                </d2LogicalModel>
                """);
        assertEquals(Reason.MALFORMED_XML, e.reason());
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith("malformed XML"), e.getMessage());
    }

    @Test
    void textThatIsNotXmlAtAll() {
        Datex2Exception e = rejected("{\"parking\": []}");
        assertEquals(Reason.MALFORMED_XML, e.reason());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("not XML"), e.getMessage());
    }

    @Test
    void htmlPageIsNotDatex2() {
        Datex2Exception e = rejected("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>502 Bad Gateway</title></head>
                <body><h1>Bad Gateway</h1></body></html>
                """);
        assertEquals(Reason.NOT_DATEX2, e.reason());
        assertTrue(e.getMessage().contains("<html>"), e.getMessage());
    }

    @Test
    void datex2NamespaceOfAnUnknownVersion() {
        Datex2Exception e = rejected("""
                <d2LogicalModel xmlns="http://datex2.eu/schema/1_0/1_0" modelBaseVersion="1"/>
                """);
        assertEquals(Reason.UNKNOWN_VERSION, e.reason());
        assertTrue(e.getMessage().contains("http://datex2.eu/schema/1_0/1_0"), e.getMessage());
    }

    @Test
    void situationPublicationIsNotSupported() {
        Datex2Exception e = rejected(V2_HEAD + """
                  <payloadPublication xsi:type="SituationPublication" lang="de">
                    <publicationTime>2025-01-01T00:00:00Z</publicationTime>
                  </payloadPublication>
                </d2LogicalModel>
                """);
        assertEquals(Reason.UNSUPPORTED_PUBLICATION, e.reason());
        assertTrue(e.getMessage().contains("SituationPublication"), e.getMessage());
    }

    @Test
    void genericPublicationWrappingSomethingElseIsNotSupported() {
        Datex2Exception e = rejected(V2_HEAD + """
                  <payloadPublication xsi:type="GenericPublication" lang="de">
                    <publicationTime>2025-01-01T00:00:00Z</publicationTime>
                    <genericPublicationName>ChargingStations</genericPublicationName>
                    <genericPublicationExtension><chargingStationTable/></genericPublicationExtension>
                  </payloadPublication>
                </d2LogicalModel>
                """);
        assertEquals(Reason.UNSUPPORTED_PUBLICATION, e.reason());
    }

    @Test
    void v3PublicationOutsideTheParkingNamespaceIsNotSupported() {
        Datex2Exception e = rejected("""
                <d2:payload xmlns:d2="http://datex2.eu/schema/3/d2Payload"
                    xmlns:roa="http://datex2.eu/schema/3/roadTrafficData"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:type="roa:MeasuredDataPublication" lang="de" modelBaseVersion="3"/>
                """);
        assertEquals(Reason.UNSUPPORTED_PUBLICATION, e.reason());
        assertTrue(e.getMessage().contains("roadTrafficData"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        Datex2Exception e = rejected("""
                <?xml version="1.0"?>
                <!DOCTYPE d2LogicalModel [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <d2LogicalModel xmlns="http://datex2.eu/schema/2/2_0">&secret;</d2LogicalModel>
                """);
        assertEquals(Reason.MALFORMED_XML, e.reason());
    }

    @Test
    void unreadableNumberNamesTheRecord() {
        Datex2Exception e = rejected(V2_HEAD + """
                  <payloadPublication xsi:type="GenericPublication" lang="de">
                    <publicationTime>2025-01-01T00:00:00Z</publicationTime>
                    <genericPublicationName>ParkingStatusPublication</genericPublicationName>
                    <genericPublicationExtension><parkingStatusPublication>
                      <parkingRecordStatus xsi:type="ParkingSiteStatus">
                        <parkingRecordReference id="P7" targetClass="ParkingRecord" version="1"/>
                        <parkingStatusOriginTime>2025-01-01T00:00:00Z</parkingStatusOriginTime>
                        <parkingOccupancy><parkingNumberOfVacantSpaces>many</parkingNumberOfVacantSpaces></parkingOccupancy>
                      </parkingRecordStatus>
                    </parkingStatusPublication></genericPublicationExtension>
                  </payloadPublication>
                </d2LogicalModel>
                """);
        assertEquals(Reason.INVALID_VALUE, e.reason());
        assertTrue(e.getMessage().contains("'many'"), e.getMessage());
    }

    private static Datex2Exception rejected(String xml) {
        return assertThrows(Datex2Exception.class, () -> Datex2Reader.read(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new CollectingHandler()));
    }
}
