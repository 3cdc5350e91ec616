package io.urbanhub.route.kdn.open311.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.urbanhub.route.kdn.open311.internal.client.GeoReportClient;

/** An app submits through the hub to a town's GeoReport v2 server on loopback. */
class SubmissionResourceTest {

    private static final String ANSWER = "[{\"service_request_id\":293944,\"service_notice\":\"Wird geprüft\",\"account_id\":null}]";

    private LoopbackGeoReport town;
    private SubmissionResource hub;

    @BeforeEach
    void start() throws Exception {
        town = new LoopbackGeoReport().submitted(ANSWER.getBytes(StandardCharsets.UTF_8));
        hub = new SubmissionResource(new GeoReportClient(town.endpoint(), "musterstadt"), "app-key", "town-key");
    }

    @AfterEach
    void stop() {
        town.close();
    }

    @Test
    void aCheckedRequestGoesToTheTownWithTheTownsKeyAndJurisdictionAndItsAnswerComesBack() throws Exception {
        Response response = submit("api_key=app-key&jurisdiction_id=nachbarstadt&service_code=006&lat=50.77&long=6.08"
                + "&description=Schlagloch+vor+Haus+Nr.+3");

        assertEquals(200, response.getStatus());
        assertEquals(ANSWER, body(response));
        assertEquals(List.of("application/x-www-form-urlencoded jurisdiction_id=musterstadt&api_key=town-key"
                + "&service_code=006&lat=50.77&long=6.08&description=Schlagloch+vor+Haus+Nr.+3"), town.posts);
    }

    @Test
    void aWrongOrMissingKeyIsRefusedBeforeAnythingIsForwarded() throws Exception {
        Response wrong = submit("api_key=guess&service_code=006&lat=50.77&long=6.08");
        Response missing = submit("service_code=006&lat=50.77&long=6.08");

        assertEquals(403, wrong.getStatus());
        assertEquals("[{\"code\":403,\"description\":\"api_key is missing or not valid\"}]", body(wrong));
        assertEquals(403, missing.getStatus());
        assertEquals(List.of(), town.posts);
    }

    @Test
    void aBadRequestIsAnsweredWithEveryProblemAndNotForwarded() throws Exception {
        Response response = submit("api_key=app-key&lat=95&long=6.08&colour=red");

        assertEquals(400, response.getStatus());
        assertEquals("[{\"code\":400,\"description\":\"lat 95 is outside -90..90; service_code is required; unknown field colour\"}]",
                body(response));
        assertEquals(List.of(), town.posts);
    }

    @Test
    void aTownServerThatRefusesOrAnswersNonsenseIsABadGateway() throws Exception {
        town.status(500);
        Response refused = submit("api_key=app-key&service_code=006&address_string=Markt+1");
        town.status(200).submitted("<html>Wartung</html>".getBytes(StandardCharsets.UTF_8));
        Response nonsense = submit("api_key=app-key&service_code=006&address_string=Markt+1");

        assertEquals(502, refused.getStatus());
        assertTrue(body(refused).contains("answered 500"), body(refused));
        assertEquals(502, nonsense.getStatus());
    }

    @Test
    void anOversizedRequestIsRefusedUnread() throws Exception {
        Response response = submit("api_key=app-key&description=" + "x".repeat(SubmissionResource.MAX_FORM_BYTES));

        assertEquals(413, response.getStatus());
        assertFalse(body(response).isEmpty());
        assertEquals(List.of(), town.posts);
    }

    private Response submit(String form) throws Exception {
        return hub.submit(new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)));
    }

    private static String body(Response response) {
        return new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
    }
}
