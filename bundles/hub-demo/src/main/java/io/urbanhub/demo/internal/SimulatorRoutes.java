package io.urbanhub.demo.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;

import io.urbanhub.api.spi.MqttConnection;

/** A simulated ChirpStack publishing LHT65 uplinks, one instance per {@code etc/io.urbanhub.demo.simulator-<name>.cfg}. */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE,
        configurationPid = "io.urbanhub.demo.simulator", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "hub.adapter=demo-simulator")
@Designate(ocd = SimulatorConfig.class, factory = true)
public class SimulatorRoutes extends RouteBuilder {

    /** camel-paho's header that sends one message to a topic of its own. */
    private static final String TOPIC_HEADER = "CamelPahoOverrideTopic";

    private final SimulatorConfig config;

    @Activate
    public SimulatorRoutes(SimulatorConfig config) {
        this.config = config;
    }

    @Override
    public void configure() {
        MqttConnection broker = new MqttConnection(config.brokerUrl(), 1, "", "");
        // a .cfg file gives the list as one comma-separated value
        List<String> devices = Arrays.stream(config.devices())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(device -> !device.isEmpty())
                .toList();
        SimulatedUplinks uplinks = new SimulatedUplinks(config.applicationId(), devices);

        from("timer:uplinks?period=" + config.periodMillis()).routeId("uplinks")
                .process(exchange -> exchange.getMessage().setBody(uplinks.next(Instant.now())))
                .split(body())
                    .process(exchange -> {
                        SimulatedUplinks.Uplink uplink = exchange.getMessage().getBody(SimulatedUplinks.Uplink.class);
                        exchange.getMessage().setHeader(TOPIC_HEADER, uplink.topic());
                        exchange.getMessage().setBody(uplink.json());
                    })
                    .to(broker.pahoUri("application/" + config.applicationId(), "urbanhub-" + getCamelContext().getName()));
    }
}
