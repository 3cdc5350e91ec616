package io.urbanhub.route.mqtt.heartbeat.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;

import io.urbanhub.api.spi.MqttConnection;

/**
 * One heartbeat instance per factory configuration {@code etc/io.urbanhub.route.mqtt.heartbeat-<name>.cfg}.
 * The hub runs these routes in a CamelContext named {@code mqtt-heartbeat.<name>}.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
        configurationPid = "io.urbanhub.route.mqtt.heartbeat", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "hub.adapter=mqtt-heartbeat")
@Designate(ocd = HeartbeatConfig.class, factory = true)
public class HeartbeatRoutes extends RouteBuilder {

    static final String SEQUENCE = "heartbeatSequence";
    static final String ROUND_TRIP = "heartbeatRoundTripMillis";

    private final HeartbeatConfig config;
    private final AtomicLong sequence = new AtomicLong();

    @Activate
    public HeartbeatRoutes(HeartbeatConfig config) {
        this.config = config;
    }

    @Override
    public void configure() {
        HeartbeatSettings settings = HeartbeatSettings.of(config);
        String instance = getCamelContext().getName();
        String clientId = "urbanhub-" + instance;
        if (settings.broker().tls().isSet()) {
            // both endpoints refer to it
            bindToRegistry(MqttConnection.TLS_BEAN, settings.broker().tls().sslProperties());
        }

        from("timer:heartbeat?period=" + settings.periodMillis()).routeId("send")
                .process(exchange -> exchange.getMessage().setBody(
                        new Heartbeat(instance, sequence.incrementAndGet(), System.currentTimeMillis())))
                .marshal().json(JsonLibrary.Jackson)
                .to(settings.endpointUri(clientId + "-pub"));

        from(settings.endpointUri(clientId + "-sub")).routeId("receive")
                .unmarshal().json(JsonLibrary.Jackson, Heartbeat.class)
                .filter(exchange -> instance.equals(exchange.getMessage().getBody(Heartbeat.class).instance()))
                .process(exchange -> {
                    Heartbeat heartbeat = exchange.getMessage().getBody(Heartbeat.class);
                    exchange.getMessage().setHeader(SEQUENCE, heartbeat.sequence());
                    exchange.getMessage().setHeader(ROUND_TRIP, heartbeat.roundTripMillis(System.currentTimeMillis()));
                })
                .log("Heartbeat ${header." + SEQUENCE + "} came back from " + settings.broker().brokerUrl()
                        + " in ${header." + ROUND_TRIP + "} ms");
    }
}
