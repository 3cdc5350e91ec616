package io.urbanhub.route.lorawan.chirpstack.internal;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.PayloadDecoder;
import io.urbanhub.api.spi.PayloadDecoders;
import io.urbanhub.api.spi.Receipt;

/**
 * One uplink from raw bytes to the data layer: parse, find the device, decode with the decoder of its
 * type, hand over the observation. Whatever fails becomes a dead letter with the reason; nothing is
 * dropped.
 */
final class UplinkHandler {

    static final String SYSTEM = "chirpstack";
    private static final Logger LOG = LoggerFactory.getLogger(UplinkHandler.class);

    private final String adapter;
    private final String tenant;
    private final DataLayer dataLayer;
    private final DeviceRegistry devices;
    private final PayloadDecoders decoders;

    UplinkHandler(String adapter, String tenant, DataLayer dataLayer, DeviceRegistry devices, PayloadDecoders decoders) {
        this.adapter = adapter;
        this.tenant = tenant;
        this.dataLayer = dataLayer;
        this.devices = devices;
        this.decoders = decoders;
    }

    Receipt handle(byte[] payload, Instant receivedAt) {
        if (payload.length > DataLayer.MAX_PAYLOAD_BYTES) {
            return dataLayer.reject(input(payload, receivedAt, null, null),
                    "payload of " + payload.length + " bytes exceeds the limit of " + DataLayer.MAX_PAYLOAD_BYTES);
        }
        ChirpStackUplink uplink;
        try {
            uplink = UplinkParser.parse(payload);
        } catch (BadUplinkException e) {
            return dataLayer.reject(input(payload, receivedAt, null, null), e.getMessage());
        }
        Input input = input(payload, receivedAt, uplink.devEui(), "fcnt:" + uplink.frameCounter());
        try {
            Observation observation = observe(uplink, receivedAt);
            Receipt receipt = dataLayer.accept(input, List.of(observation));
            // the summary is built only when someone reads it: this runs for every uplink
            if (receipt == Receipt.STORED && LOG.isInfoEnabled()) {
                LOG.info("Uplink {} of {} ({}): {}", uplink.frameCounter(), observation.entity().localId(), uplink.devEui(),
                        summary(observation));
            }
            return receipt;
        } catch (BadUplinkException e) {
            return dataLayer.reject(input, e.getMessage());
        }
    }

    private Observation observe(ChirpStackUplink uplink, Instant receivedAt) throws BadUplinkException {
        Device device = devices.find(uplink.devEui())
                .orElseThrow(() -> new BadUplinkException("unknown device " + uplink.devEui()));
        if (!device.tenant().equals(tenant)) {
            throw new BadUplinkException("device " + uplink.devEui() + " belongs to tenant " + device.tenant()
                    + ", not to " + tenant);
        }
        PayloadDecoder decoder = decoders.forDeviceType(device.deviceType())
                .orElseThrow(() -> new BadUplinkException("no decoder installed for device type " + device.deviceType()));
        Decoded decoded;
        try {
            decoded = decoder.decode(uplink.port(), uplink.data());
        } catch (DecodingException e) {
            throw new BadUplinkException(device.deviceType() + " decoder: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new BadUplinkException(device.deviceType() + " decoder failed: " + e);
        }
        decoded.warnings().forEach(warning -> LOG.warn("Device {} ({}): {}", uplink.devEui(), device.deviceType(), warning));
        Instant observedAt = uplink.time() != null ? uplink.time() : receivedAt;
        return new Observation(device.entity(), observedAt, decoded.properties(), device.location(),
                new Source(adapter, SYSTEM, uplink.devEui(), "fcnt:" + uplink.frameCounter()));
    }

    private Input input(byte[] payload, Instant receivedAt, String device, String messageId) {
        return new Input(tenant, new Source(adapter, SYSTEM, device, messageId), receivedAt, payload);
    }

    private static String summary(Observation observation) {
        return observation.properties().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().value()
                        + (entry.getValue().unitCode() == null ? "" : " " + entry.getValue().unitCode()))
                .collect(Collectors.joining(", "));
    }
}
