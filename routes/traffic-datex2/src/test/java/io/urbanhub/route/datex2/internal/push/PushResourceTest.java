package io.urbanhub.route.datex2.internal.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class PushResourceTest {

    private static final String PUBLICATION = "<d2LogicalModel xmlns=\"http://datex2.eu/schema/2/2_0\" modelBaseVersion=\"2\">"
            + "<exchange><supplierIdentification><country>de</country><nationalIdentifier>DE-MDM-Test</nationalIdentifier>"
            + "</supplierIdentification></exchange></d2LogicalModel>";

    private final List<String> received = new ArrayList<>();
    private final PushResource resource = new PushResource(xml -> {
        String text = read(xml);
        if (text.contains("refuse")) {
            throw new IllegalArgumentException("not a DATEX II publication: refuse");
        }
        received.add(text);
    }, headers -> headers == null || !"intruder".equals(headers.getHeaderString("X-Datex2-Secret")));

    @Test
    void aSoapPushIsUnwrappedAndAcknowledgedAsDatex2Says() {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header/>"
                + "<soapenv:Body>" + PUBLICATION + "</soapenv:Body></soapenv:Envelope>";

        Response answer = resource.putDatex2Data(stream(envelope), null);

        assertEquals(200, answer.getStatus());
        assertTrue(answer.getEntity().toString().contains("<response>acknowledge</response>"));
        assertEquals(1, received.size());
        assertTrue(received.get(0).contains("<nationalIdentifier>DE-MDM-Test</nationalIdentifier>"), received.get(0));
        assertTrue(received.get(0).contains("http://datex2.eu/schema/2/2_0"), "the namespace travels with the publication");
    }

    @Test
    void whatIsNoSoapPushGetsAFaultWithTheReason() {
        assertFault(soap(stream(PUBLICATION)), "not a SOAP envelope");
        assertFault(soap(stream("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body></soapenv:Body></soapenv:Envelope>")), "holds no publication");
        assertFault(soap(stream("<soapenv:Envelope")), "malformed SOAP envelope");
        assertFault(soap(stream("<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<d2LogicalModel>&x;</d2LogicalModel></soapenv:Body></soapenv:Envelope>")), "");
        assertTrue(received.isEmpty(), "nothing reached the hub");
    }

    @Test
    void aPlainPushAnswersNoContentOrTheReason() {
        assertEquals(204, resource.publication(stream(PUBLICATION), null).getStatus());
        Response refused = resource.publication(stream("<refuse/>"), null);
        assertEquals(400, refused.getStatus());
        assertTrue(refused.getEntity().toString().contains("not a DATEX II publication"));
    }

    private Response soap(InputStream envelope) {
        return resource.putDatex2Data(envelope, null);
    }

    private static void assertFault(Response answer, String reason) {
        assertEquals(500, answer.getStatus());
        String body = answer.getEntity().toString();
        assertTrue(body.contains("<soapenv:Fault>") && body.contains(reason), body);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(InputStream xml) {
        try {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
