package io.urbanhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.urbanhub.api.admin.AdapterInstances;
import io.urbanhub.api.spi.Downlink;

@Service
@Command(scope = "hub", name = "downlink", description = "Queues a downlink for a LoRaWAN device through the adapter its "
        + "uplinks come through; the network server sends it after the device's next uplink.")
public class DownlinkCommand implements Action {

    @Reference
    AdapterInstances adapters;

    @Argument(index = 0, name = "adapter", required = true, description = "The adapter instance, e.g. lorawan-chirpstack.musterstadt")
    String adapter;

    @Argument(index = 1, name = "devEui", required = true, description = "The device, 16 hex digits")
    String devEui;

    @Argument(index = 2, name = "port", required = true, description = "The application port, 1 to 223")
    int port;

    @Argument(index = 3, name = "payload", required = true, description = "The payload in hex, e.g. 0100")
    String payload;

    @Option(name = "--confirmed", description = "The device must acknowledge it")
    boolean confirmed;

    @Override
    public Object execute() {
        Downlink downlink;
        try {
            downlink = Downlink.ofHex(devEui, port, payload, confirmed);
            adapters.downlink(adapter, downlink);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Not queued: " + e.getMessage(), e);
        }
        System.out.println("Queued " + downlink.payload().length + " bytes on port " + port + " for " + downlink.devEui()
                + " through " + adapter);
        return null;
    }
}
