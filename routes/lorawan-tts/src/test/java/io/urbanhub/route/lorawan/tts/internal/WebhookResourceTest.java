package io.urbanhub.route.lorawan.tts.internal;

import static io.urbanhub.lorawan.LorawanFakes.LHT65_DEV_EUI;
import static io.urbanhub.lorawan.LorawanFakes.LHT65_VECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.lorawan.LorawanFakes;
import io.urbanhub.lorawan.UplinkHandler;

class WebhookResourceTest {

    private final LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
    private final WebhookResource webhook = new WebhookResource(new UplinkHandler("lorawan-tts.musterstadt", TtsRoutes.SYSTEM,
            "musterstadt", dataLayer, LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65()),
            "X-Webhook-Secret", "s3cret");

    @Test
    void onlyTheSharedSecretGetsAnUplinkIn() throws Exception {
        byte[] uplink = TtsMessages.uplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 1);

        assertEquals(401, webhook.receive(new ByteArrayInputStream(uplink), null).getStatus());
        assertEquals(401, webhook.receive(new ByteArrayInputStream(uplink), "s3cre").getStatus());
        assertEquals(0, dataLayer.accepted.size() + dataLayer.rejected.size(), "nothing reached the data layer");

        assertEquals(204, webhook.receive(new ByteArrayInputStream(uplink), "s3cret").getStatus());
        assertEquals(1, dataLayer.accepted.size());
        assertEquals(28.29, LorawanFakes.valuesOf(dataLayer.accepted.get(0).observations().get(0)).get("temperature"));
        assertEquals("tts", dataLayer.accepted.get(0).input().source().system());
    }

    @Test
    void anUnusableUplinkIsKeptAndStillAnsweredSoThatItIsNotSentAgain() throws Exception {
        assertEquals(202, webhook.receive(new ByteArrayInputStream("{\"oops\"".getBytes(StandardCharsets.UTF_8)), "s3cret").getStatus());
        assertEquals(1, dataLayer.rejected.size());
    }

    @Test
    void aBodyWithoutEndIsReadOnlyToTheLimitAndAStrangersNotAtAll() throws Exception {
        EndlessBody endless = new EndlessBody();
        assertEquals(401, webhook.receive(endless, "guess").getStatus());
        assertEquals(0, endless.read, "a caller without the secret is not read");

        assertEquals(413, webhook.receive(endless, "s3cret").getStatus());
        assertEquals(DataLayer.MAX_PAYLOAD_BYTES + 1, endless.read);
        assertEquals(0, dataLayer.accepted.size() + dataLayer.rejected.size());
    }

    /** A client that would send for ever. */
    private static final class EndlessBody extends InputStream {

        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }
    }
}
