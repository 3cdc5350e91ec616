package io.urbanhub.lorawan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;


import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.PayloadDecoder;
import io.urbanhub.api.spi.PayloadDecoders;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.decoders.internal.DraginoLht65Decoder;

/** Stand-ins for the hub's services, recording what a LoRaWAN adapter hands over; shared by the adapters' tests. */
public final class LorawanFakes {

    public static final String LHT65_DEV_EUI = "a840410001811234";
    /** The LHT65 vector of the TTN device repository: 28.29 °C, 88.6 %, probe 27.81 °C, 3.062 V. */
    public static final byte[] LHT65_VECTOR = {(byte) 0xCB, (byte) 0xF6, 0x0B, 0x0D, 0x03, 0x76, 0x01, 0x0A, (byte) 0xDD, 0x7F, (byte) 0xFF};

    private LorawanFakes() {
    }

    public record Accepted(Input input, List<Observation> observations) {
    }

    public record Rejected(Input input, String reason) {
    }

    public static final class RecordingDataLayer implements DataLayer {
        public final List<Accepted> accepted = new CopyOnWriteArrayList<>();
        public final List<Rejected> rejected = new CopyOnWriteArrayList<>();

        @Override
        public Receipt accept(Input input, List<Observation> observations) {
            accepted.add(new Accepted(input, observations));
            return Receipt.STORED;
        }

        @Override
        public CompletionStage<Receipt> submit(Input input, List<Observation> observations) {
            return CompletableFuture.completedFuture(accept(input, observations));
        }

        @Override
        public Receipt reject(Input input, String reason) {
            rejected.add(new Rejected(input, reason));
            return Receipt.DEAD_LETTER;
        }
    }

    public static DeviceRegistry devices(Device... devices) {
        return new DeviceRegistry() {
            @Override
            public Optional<Device> find(String deviceId) {
                return List.of(devices).stream().filter(d -> d.deviceId().equalsIgnoreCase(deviceId)).findFirst();
            }

            @Override
            public Collection<Device> all() {
                return List.of(devices);
            }
        };
    }

    public static Device coldRoom(String tenant) {
        return new Device(LHT65_DEV_EUI, "dragino-lht65", new EntityId("IndoorEnvironmentObserved", tenant, "cold-room-1"),
                new GeoPoint(7.6261, 51.9607), "Kühlraum 1");
    }

    public static PayloadDecoders lht65() {
        PayloadDecoder decoder = new DraginoLht65Decoder();
        return type -> "dragino-lht65".equals(type) ? Optional.of(decoder) : Optional.empty();
    }

    public static Map<String, Object> valuesOf(Observation observation) {
        return observation.properties().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().value()));
    }
}
