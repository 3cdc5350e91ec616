package io.urbanhub.route.lorawan.tts.internal;

import java.time.Instant;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;

import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.model.Tenants;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.DeviceRegistry;
import io.urbanhub.api.spi.Downlink;
import io.urbanhub.api.spi.MqttConnection;
import io.urbanhub.api.spi.MqttTls;
import io.urbanhub.api.spi.PayloadDecoders;
import io.urbanhub.lorawan.DownlinkTopics;
import io.urbanhub.lorawan.UplinkHandler;
import io.urbanhub.mqtt.AckingMqttComponent;
import io.urbanhub.mqtt.CompletingProcessor;

/**
 * One instance per The Things Stack application (or per municipality on a shared one):
 * {@code etc/io.urbanhub.route.lorawan.tts-<name>.cfg}, running as {@code lorawan-tts.<name>}. The
 * subscription keeps its session (clean session off); each uplink is acknowledged once the data layer has
 * stored it or kept it as a dead letter. The webhook receiver of the same configuration is {@link TtsWebhook}.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
        configurationPid = TtsRoutes.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "hub.adapter=" + TtsRoutes.ADAPTER)
@Designate(ocd = TtsConfig.class, factory = true)
public class TtsRoutes extends RouteBuilder {

    static final String PID = "io.urbanhub.route.lorawan.tts";
    static final String ADAPTER = "lorawan-tts";
    /** The network server kind, part of every message's identity. */
    static final String SYSTEM = "tts";
    /** camel-paho's headers: the topic a message came on, and the topic to send one message to. */
    static final String PAHO_RECEIVED_TOPIC_HEADER = "CamelMqttTopic";
    static final String PAHO_TOPIC_HEADER = "CamelPahoOverrideTopic";

    private final TtsConfig config;
    private final DataLayer dataLayer;
    private final DeviceRegistry devices;
    private final PayloadDecoders decoders;

    @Activate
    public TtsRoutes(TtsConfig config, @Reference DataLayer dataLayer, @Reference DeviceRegistry devices,
                     @Reference PayloadDecoders decoders) {
        this.config = config;
        this.dataLayer = dataLayer;
        this.devices = devices;
        this.decoders = decoders;
    }

    @Override
    public void configure() {
        String tenant = Tenants.require(config.tenant());
        String adapter = getCamelContext().getName();
        UplinkHandler uplinks = new UplinkHandler(adapter, SYSTEM, tenant, dataLayer, devices, decoders);
        DownlinkTopics downlinkTopics = new DownlinkTopics();
        // dead letters handed back by hub:deadletter-replay, from MQTT and the webhook alike
        from(AdapterInstances.REPLAY_ENDPOINT).routeId(AdapterInstances.REPLAY_ROUTE)
                .process(exchange -> uplinks.handle(exchange.getMessage().getBody(byte[].class), Instant.now(),
                        downlinkTopics.learning(TtsUplinkParser::parse)));
        if (config.brokerUrl().isBlank()) {
            return;
        }
        MqttTls tls = new MqttTls(config.trustStore(), config.trustStorePassword(), config.keyStore(), config.keyStorePassword());
        MqttConnection broker = new MqttConnection(config.brokerUrl(), config.qos(), config.username(), config.password(), tls);
        if (tls.isSet()) {
            // the uplink and downlink endpoints refer to it
            bindToRegistry(MqttConnection.TLS_BEAN, tls.sslProperties());
        }
        String clientId = config.clientId().isBlank() ? "urbanhub-" + adapter : config.clientId();
        AckingMqttComponent.addTo(getCamelContext());
        // acknowledged once durable in the store or a dead letter; uplinks of several devices at once
        from(broker.uri(AckingMqttComponent.SCHEME, config.topic(), clientId, "cleanSession=false")).routeId("uplinks")
                .process(CompletingProcessor.of(exchange -> {
                    String topic = exchange.getMessage().getHeader(PAHO_RECEIVED_TOPIC_HEADER, String.class);
                    return uplinks.submit(exchange.getMessage().getBody(byte[].class), Instant.now(),
                            downlinkTopics.learning(message -> TtsUplinkParser.parse(message, topic)));
                }));
        // hub:downlink; the topic names application and end device, which the device's uplinks told
        from(AdapterInstances.DOWNLINK_ENDPOINT).routeId(AdapterInstances.DOWNLINK_ROUTE)
                .process(exchange -> {
                    Downlink downlink = exchange.getMessage().getBody(Downlink.class);
                    exchange.getMessage().setHeader(PAHO_TOPIC_HEADER, downlinkTopics.topicFor(downlink.devEui()));
                    exchange.getMessage().setBody(TtsDownlinks.json(downlink));
                })
                .to(broker.pahoUri("downlinks", clientId + "-downlinks"));
    }
}
