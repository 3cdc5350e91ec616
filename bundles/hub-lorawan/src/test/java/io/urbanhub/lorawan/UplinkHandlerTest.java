package io.urbanhub.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.PayloadDecoders;
import io.urbanhub.api.spi.Receipt;

class UplinkHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String DEV_EUI = "70b3d57ed0000001";

    private final LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
    private final PayloadDecoders none = type -> Optional.empty();
    private final UplinkHandler handler = new UplinkHandler("lorawan-tts.musterstadt", "tts", "musterstadt", dataLayer,
            LorawanFakes.devices(new Device(DEV_EUI, "vendor-unknown", new EntityId("WeatherObserved", "musterstadt", "station-1"),
                    null, "Wetterstation")), none);

    @Test
    void withoutADecoderTheNetworkServersDecodingIsTakenAndSaidSo() {
        Map<String, Object> decoded = Map.of("temperature", 3.5, "status", "ok", "nested", Map.of("a", 1));

        Receipt receipt = handler.handle(new byte[] {1}, NOW,
                message -> new LorawanUplink(DEV_EUI, 4, 1, message, null, decoded, null));

        assertEquals(Receipt.STORED, receipt);
        assertEquals(Map.of("temperature", 3.5, "status", "ok"),
                LorawanFakes.valuesOf(dataLayer.accepted.get(0).observations().get(0)));
        assertEquals("fcnt:4", dataLayer.accepted.get(0).input().source().messageId());
        assertEquals(NOW, dataLayer.accepted.get(0).observations().get(0).observedAt(), "the time it was received");
    }

    @Test
    void withoutADecoderAndWithoutTheServersDecodingTheUplinkIsADeadLetter() {
        handler.handle(new byte[] {1}, NOW, message -> new LorawanUplink(DEV_EUI, 5, 1, message, null, null, null));

        assertEquals(1, dataLayer.rejected.size());
        assertTrue(dataLayer.rejected.get(0).reason().contains("no decoder installed for device type vendor-unknown"));
    }
}
