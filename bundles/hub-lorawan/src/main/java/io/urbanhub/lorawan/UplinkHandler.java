package io.urbanhub.lorawan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.Decoded;
import io.urbanhub.api.spi.DecodingException;
import io.urbanhub.api.spi.Device;
import io.urbanhub.api.spi.DeviceRegistry;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.LogContext;
import io.urbanhub.api.spi.PayloadDecoder;
import io.urbanhub.api.spi.PayloadDecoders;
import io.urbanhub.api.spi.Receipt;

/**
 * One uplink from raw bytes to the data layer: read it, find the device, decode with the decoder of its
 * type, hand over the observation. Whatever fails becomes a dead letter with the reason; nothing is
 * dropped. Without a decoder for the device's type, the network server's own decoding is used when it
 * sent one.
 */
public final class UplinkHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkHandler.class);

    private final String adapter;
    private final String system;
    private final String tenant;
    private final DataLayer dataLayer;
    private final DeviceRegistry devices;
    private final PayloadDecoders decoders;

    /**
     * @param adapter the adapter instance, e.g. lorawan-tts.musterstadt
     * @param system  the network server kind, e.g. chirpstack; part of the message's identity
     */
    public UplinkHandler(String adapter, String system, String tenant, DataLayer dataLayer, DeviceRegistry devices,
                         PayloadDecoders decoders) {
        this.adapter = adapter;
        this.system = system;
        this.tenant = tenant;
        this.dataLayer = dataLayer;
        this.devices = devices;
        this.decoders = decoders;
    }

    /** Handles the uplink and waits until it is stored, spooled, a duplicate or a dead letter. */
    public Receipt handle(byte[] payload, Instant receivedAt, UplinkFormat format) {
        try {
            return submit(payload, receivedAt, format).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing an uplink of " + adapter, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("The uplink of " + adapter + " was not stored", e.getCause());
        }
    }

    /**
     * Parses, decodes and hands the uplink to the data layer without waiting for the store: completes when it is
     * stored, spooled, a duplicate or a dead letter, and fails when the data layer could not take it.
     */
    public CompletionStage<Receipt> submit(byte[] payload, Instant receivedAt, UplinkFormat format) {
        // every line logged while this uplink is handled names tenant, adapter instance and device
        try (MDC.MDCCloseable t = MDC.putCloseable(LogContext.TENANT, tenant);
             MDC.MDCCloseable a = MDC.putCloseable(LogContext.ADAPTER, adapter)) {
            return submitLogged(payload, receivedAt, format);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            MDC.remove(LogContext.DEVICE);
        }
    }

    private CompletionStage<Receipt> submitLogged(byte[] payload, Instant receivedAt, UplinkFormat format) {
        if (payload.length > DataLayer.MAX_PAYLOAD_BYTES) {
            return CompletableFuture.completedFuture(dataLayer.reject(input(payload, receivedAt, null, null),
                    "payload of " + payload.length + " bytes exceeds the limit of " + DataLayer.MAX_PAYLOAD_BYTES));
        }
        LorawanUplink uplink;
        try {
            uplink = format.parse(payload);
        } catch (BadUplinkException e) {
            return CompletableFuture.completedFuture(dataLayer.reject(input(payload, receivedAt, null, null), e.getMessage()));
        }
        Input input = input(payload, receivedAt, uplink.devEui(), uplink.messageId());
        MDC.put(LogContext.DEVICE, uplink.devEui());
        Observation observation;
        try {
            observation = observe(uplink, receivedAt);
        } catch (BadUplinkException e) {
            return CompletableFuture.completedFuture(dataLayer.reject(input, e.getMessage()));
        }
        CompletionStage<Receipt> receipt = dataLayer.submit(input, List.of(observation));
        // the summary is built only when someone reads it, and written off the thread that completes the store's
        // commits, which serves every adapter
        if (LOG.isInfoEnabled()) {
            receipt.thenAcceptAsync(outcome -> {
                if (outcome == Receipt.STORED) {
                    try (MDC.MDCCloseable t = MDC.putCloseable(LogContext.TENANT, tenant);
                         MDC.MDCCloseable a = MDC.putCloseable(LogContext.ADAPTER, adapter);
                         MDC.MDCCloseable d = MDC.putCloseable(LogContext.DEVICE, uplink.devEui())) {
                        LOG.info("Uplink {} of {} ({}): {}", uplink.frameCounter(), observation.entity().localId(),
                                uplink.devEui(), summary(observation));
                    }
                }
            });
        }
        return receipt;
    }

    private Observation observe(LorawanUplink uplink, Instant receivedAt) throws BadUplinkException {
        Device device = devices.find(uplink.devEui())
                .orElseThrow(() -> new BadUplinkException("unknown device " + uplink.devEui()));
        if (!device.tenant().equals(tenant)) {
            throw new BadUplinkException("device " + uplink.devEui() + " belongs to tenant " + device.tenant()
                    + ", not to " + tenant);
        }
        Decoded decoded = decode(uplink, device);
        decoded.warnings().forEach(warning -> LOG.warn("Device {} ({}): {}", uplink.devEui(), device.deviceType(), warning));
        Instant observedAt = uplink.time() != null ? uplink.time() : receivedAt;
        return new Observation(device.entity(), observedAt, decoded.properties(), device.location(),
                new Source(adapter, system, uplink.devEui(), uplink.messageId()));
    }

    private Decoded decode(LorawanUplink uplink, Device device) throws BadUplinkException {
        Optional<PayloadDecoder> decoder = decoders.forDeviceType(device.deviceType());
        if (decoder.isEmpty()) {
            if (!uplink.decodedByServer().isEmpty()) {
                return ServerDecoded.properties(uplink.decodedByServer());
            }
            throw new BadUplinkException("no decoder installed for device type " + device.deviceType());
        }
        try {
            return decoder.get().decode(uplink.port(), uplink.data());
        } catch (DecodingException e) {
            throw new BadUplinkException(device.deviceType() + " decoder: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new BadUplinkException(device.deviceType() + " decoder failed: " + e);
        }
    }

    private Input input(byte[] payload, Instant receivedAt, String device, String messageId) {
        return new Input(tenant, new Source(adapter, system, device, messageId), receivedAt, payload);
    }

    private static String summary(Observation observation) {
        return observation.properties().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().value()
                        + (entry.getValue().unitCode() == null ? "" : " " + entry.getValue().unitCode()))
                .collect(Collectors.joining(", "));
    }
}
