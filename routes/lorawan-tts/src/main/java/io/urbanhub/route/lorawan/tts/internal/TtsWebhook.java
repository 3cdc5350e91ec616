package io.urbanhub.route.lorawan.tts.internal;

import java.util.List;
import java.util.Map;

import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urbanhub.api.admin.InstanceNames;
import io.urbanhub.api.model.Tenants;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.api.spi.DeviceRegistry;
import io.urbanhub.api.spi.PayloadDecoders;
import io.urbanhub.api.spi.Secrets;
import io.urbanhub.lorawan.UplinkHandler;
import io.urbanhub.rest.cxf.CxfServers;

/**
 * The webhook receiver of one adapter instance, {@code POST /lorawan-tts/<name>/uplink}, present while its
 * configuration sets a {@code webhookSecret}. It counts under the same adapter name as the MQTT routes.
 */
@Component(immediate = true, service = {}, configurationPid = TtsRoutes.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class TtsWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(TtsWebhook.class);

    private final Server server;

    @Activate
    public TtsWebhook(TtsConfig config, Map<String, Object> properties, @Reference DataLayer dataLayer,
                      @Reference DeviceRegistry devices, @Reference PayloadDecoders decoders) {
        if (config.webhookSecret().isBlank()) {
            server = null;
            return;
        }
        String instance = InstanceNames.instance(properties);
        String adapter = TtsRoutes.ADAPTER + "." + instance;
        UplinkHandler uplinks = new UplinkHandler(adapter, TtsRoutes.SYSTEM, Tenants.require(config.tenant()), dataLayer,
                devices, decoders);
        String address = "/" + TtsRoutes.ADAPTER + "/" + instance;
        server = CxfServers.publish(address, List.of(new WebhookResource(uplinks, config.webhookHeader(),
                Secrets.reveal(config.webhookSecret()))));
        LOG.info("Webhook of {} receives uplinks at {}/uplink", adapter, address);
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }
}
