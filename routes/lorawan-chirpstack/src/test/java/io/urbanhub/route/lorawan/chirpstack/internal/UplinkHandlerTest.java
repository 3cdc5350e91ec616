package io.urbanhub.route.lorawan.chirpstack.internal;

import static io.urbanhub.lorawan.LorawanFakes.LHT65_DEV_EUI;
import static io.urbanhub.lorawan.LorawanFakes.LHT65_VECTOR;
import static io.urbanhub.route.lorawan.chirpstack.internal.ChirpStackSamples.sampleUplink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.lorawan.LorawanFakes;
import io.urbanhub.lorawan.UplinkHandler;

class UplinkHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final LorawanFakes.RecordingDataLayer dataLayer = new LorawanFakes.RecordingDataLayer();
    private final UplinkHandler handler = new UplinkHandler("lorawan-chirpstack.musterstadt", ChirpStackRoutes.SYSTEM, "musterstadt", dataLayer,
            LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65());

    @Test
    void decodesAnLht65UplinkIntoAnIndoorEnvironmentObservation() throws Exception {
        assertEquals(Receipt.STORED, handler.handle(sampleUplink(LHT65_DEV_EUI.toUpperCase(), 2, LHT65_VECTOR, 17), NOW, UplinkParser::parse));

        LorawanFakes.Accepted accepted = dataLayer.accepted.get(0);
        Observation observation = accepted.observations().get(0);
        assertEquals("urn:ngsi-ld:IndoorEnvironmentObserved:musterstadt:cold-room-1", observation.entity().urn());
        assertEquals(Instant.parse("2022-07-18T09:34:15.775023242Z"), observation.observedAt(), "the network server's time");
        Map<String, Object> values = LorawanFakes.valuesOf(observation);
        assertEquals(28.29, values.get("temperature"));
        assertEquals(88.6, values.get("relativeHumidity"));
        assertEquals(27.81, values.get("externalTemperature"));
        assertEquals(3.062, values.get("batteryVoltage"));
        assertEquals(7.6261, observation.location().longitude());
        assertEquals("fcnt:17", accepted.input().source().messageId());
        assertEquals(LHT65_DEV_EUI, accepted.input().source().device());
        assertEquals("chirpstack", observation.source().system());
    }

    @Test
    void deadLettersEveryKindOfBadUplinkWithItsReason() throws Exception {
        handler.handle("{ not json".getBytes(StandardCharsets.UTF_8), NOW, UplinkParser::parse);
        handler.handle(sampleUplink("ffffffffffffffff", 2, LHT65_VECTOR, 1), NOW, UplinkParser::parse);
        handler.handle(sampleUplink(LHT65_DEV_EUI, 42, LHT65_VECTOR, 2), NOW, UplinkParser::parse);
        handler.handle(sampleUplink(LHT65_DEV_EUI, 2, new byte[] {1, 2, 3}, 3), NOW, UplinkParser::parse);
        handler.handle(new byte[70_000], NOW, UplinkParser::parse);

        assertEquals(0, dataLayer.accepted.size());
        assertEquals(5, dataLayer.rejected.size());
        assertTrue(dataLayer.rejected.get(0).reason().startsWith("malformed JSON"));
        assertEquals("unknown device ffffffffffffffff", dataLayer.rejected.get(1).reason());
        assertTrue(dataLayer.rejected.get(2).reason().startsWith("dragino-lht65 decoder: unknown FPort 42"));
        assertEquals("dragino-lht65 decoder: LHT65 payload has 3 bytes, expected 11", dataLayer.rejected.get(3).reason());
        assertEquals("payload of 70000 bytes exceeds the limit of 65536", dataLayer.rejected.get(4).reason());
        assertEquals("musterstadt", dataLayer.rejected.get(1).input().tenant());
        assertEquals("ffffffffffffffff", dataLayer.rejected.get(1).input().source().device());
    }

    @Test
    void refusesADeviceOfAnotherTenant() throws Exception {
        UplinkHandler otherTown = new UplinkHandler("lorawan-chirpstack.nachbarstadt", ChirpStackRoutes.SYSTEM, "nachbarstadt", dataLayer,
                LorawanFakes.devices(LorawanFakes.coldRoom("musterstadt")), LorawanFakes.lht65());
        assertEquals(Receipt.DEAD_LETTER, otherTown.handle(sampleUplink(LHT65_DEV_EUI, 2, LHT65_VECTOR, 5), NOW, UplinkParser::parse));
        assertEquals("device a840410001811234 belongs to tenant musterstadt, not to nachbarstadt",
                dataLayer.rejected.get(0).reason());
    }
}
