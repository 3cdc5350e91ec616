package io.urbanhub.route.kdn.open311.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GeoReport v2 examples of the specification, read as a server sends them. */
class GeoReportReaderTest {

    private static final String SECRET = "s3cr3t-only-on-this-disk";

    @Test
    void theJsonRequestsWithLeadingZeroNumbersReadWithTheValuesOfTheFile() throws Exception {
        List<Record> records = GeoReportReader.requests(sample("get-requests-response.json"), Format.JSON);

        assertEquals(2, records.size());
        ServiceRequest closed = records.get(0).request();
        assertEquals(new ServiceRequest("638344", null, "closed", "Duplicate request.", "Sidewalk and Curb Issues",
                "6", null, null, "2010-04-14T06:37:38-08:00", "2010-04-14T06:37:38-08:00", "2010-04-15T06:37:38-08:00",
                "8TH AVE and JUDAH ST", "94122", 37.762221815, -122.4651145,
                "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"), closed,
                "006 reads as the number 6; the media URL loses its trailing blank");
        ServiceRequest open = records.get(1).request();
        assertEquals("638349", open.serviceRequestId());
        assertEquals("open", open.status());
        assertNull(open.statusNotes());
        assertEquals("2010-04-19T06:37:38-08:00", open.updatedDatetime());
    }

    @Test
    void theXmlRequestsReadWithTheValuesOfTheFile() throws Exception {
        List<Record> records = GeoReportReader.requests(sample("get-requests-response.xml"), Format.XML);

        assertEquals(2, records.size());
        assertEquals(new ServiceRequest("638344", null, "closed", "Duplicate request.", "Sidewalk and Curb Issues",
                "006", null, null, "2010-04-14T06:37:38-08:00", "2010-04-14T06:37:38-08:00", "2010-04-15T06:37:38-08:00",
                "8TH AVE and JUDAH ST", "94122", 37.762221815, -122.4651145,
                "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"), records.get(0).request());
        assertEquals("638349", records.get(1).request().serviceRequestId());
        assertEquals("open", records.get(1).request().status());
        assertTrue(records.get(0).text().contains("<service_request_id>638344</service_request_id>"));
    }

    @Test
    void theServicesReadWithCodesNamesAndGroups() throws Exception {
        List<Service> services = GeoReportReader.services(sample("get-services-response.json"), Format.JSON);

        assertEquals(new Service("1", "Cans left out 24x7", "sanitation"), services.get(0));
        assertEquals(new Service("2", "Construction plate shifted", "street"), services.get(1));
    }

    @Test
    void aRequestWithoutIdOrWithABadPositionIsABadRecordWithItsReason() throws Exception {
        byte[] body = """
                [{"status":"open"},{"service_request_id":"7","lat":"north","long":"8.4"},{"service_request_id":"8"}]
                """.getBytes(StandardCharsets.UTF_8);
        List<Record> records = GeoReportReader.requests(body, Format.JSON);

        assertEquals("request without service_request_id", records.get(0).problem());
        assertEquals("{\"status\":\"open\"}", records.get(0).text());
        assertEquals("request 7: lat/long not a number", records.get(1).problem());
        assertEquals("8", records.get(2).request().serviceRequestId());
    }

    @Test
    void htmlAnErrorObjectAndTheWrongXmlAreRefusedWithTheirReason() {
        byte[] html = "<!DOCTYPE html><html><body>Wartungsarbeiten</body></html>".getBytes(StandardCharsets.UTF_8);
        Open311Exception notJson = assertThrows(Open311Exception.class, () -> GeoReportReader.requests(html, Format.JSON));
        assertTrue(notJson.getMessage().startsWith("not JSON: '<!DOCTYPE html>"), notJson.getMessage());
        Open311Exception notXml = assertThrows(Open311Exception.class, () -> GeoReportReader.requests(html, Format.XML));
        assertTrue(notXml.getMessage().startsWith("not XML"), notXml.getMessage());
        byte[] object = "{\"error\":\"down\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(assertThrows(Open311Exception.class, () -> GeoReportReader.requests(object, Format.JSON)).getMessage()
                .startsWith("not a JSON array"));
        byte[] services = "<services/>".getBytes(StandardCharsets.UTF_8);
        assertEquals("XML root is <services>, not <service_requests>",
                assertThrows(Open311Exception.class, () -> GeoReportReader.requests(services, Format.XML)).getMessage());
    }

    @Test
    void aSubmittedRequestAnswersItsIdOrItsToken() throws Exception {
        assertEquals("293944", GeoReportReader.submitted(
                "[{\"service_request_id\":293944,\"service_notice\":\"\",\"account_id\":null}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("12345", GeoReportReader.submitted("[{\"token\":\"12345\"}]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(Open311Exception.class, () -> GeoReportReader.submitted("[{}]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAnswerDeclaringAnExternalEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        String secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET).toUri().toString();
        List<String> answers = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE service_requests [<!ENTITY secret SYSTEM \"" + secretFile + "\">]>"
                        + "<service_requests><request><service_request_id>7</service_request_id>"
                        + "<description>&secret;</description></request></service_requests>",
                "<?xml version=\"1.0\"?><!DOCTYPE service_requests [<!ENTITY % secret SYSTEM \"" + secretFile + "\"> %secret;]>"
                        + "<service_requests/>",
                "<!DOCTYPE services SYSTEM \"" + secretFile + "\"><services><service><service_code>1</service_code></service></services>");
        for (String answer : answers) {
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            Format xml = Format.XML;
            Open311Exception refused = answer.contains("<services>")
                    ? assertThrows(Open311Exception.class, () -> GeoReportReader.services(body, xml))
                    : assertThrows(Open311Exception.class, () -> GeoReportReader.requests(body, xml));
            assertTrue(refused.getMessage().startsWith("not XML"), refused.getMessage());
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                assertFalse(String.valueOf(cause.getMessage()).contains(SECRET), cause.toString());
            }
        }
    }

    @Test
    void anXIncludeInAnAnswerIsNotFollowed(@TempDir Path dir) throws Exception {
        String secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET).toUri().toString();
        byte[] body = ("<service_requests xmlns:xi=\"http://www.w3.org/2001/XInclude\"><request>"
                + "<service_request_id>7</service_request_id><description><xi:include href=\"" + secretFile
                + "\" parse=\"text\"/></description></request></service_requests>").getBytes(StandardCharsets.UTF_8);

        Record record = GeoReportReader.requests(body, Format.XML).get(0);
        assertEquals("7", record.request().serviceRequestId());
        assertFalse(record.text().contains(SECRET), record.text());
        assertFalse(String.valueOf(record.request().description()).contains(SECRET), record.request().toString());
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = GeoReportReaderTest.class.getResourceAsStream("/open311/" + name)) {
            return in.readAllBytes();
        }
    }
}
