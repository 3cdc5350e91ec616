package io.urbanhub.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Commands refuse bad input by failing, so that the console prints an error and a script over SSH gets a failed
 * command; nothing reaches the registry or the adapter (left unset here: reaching it would fail otherwise).
 */
class RefusedInputTest {

    @Test
    void aTenantWithABadIdIsNotRegistered() {
        TenantAddCommand command = new TenantAddCommand();
        command.id = "Muster Stadt";
        command.name = "Stadt Musterstadt";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, command::execute);
        assertTrue(refused.getMessage().startsWith("Not registered: "), refused.getMessage());
    }

    @Test
    void aDeviceWithHalfAPositionIsNotRegistered() {
        DeviceAddCommand command = new DeviceAddCommand();
        command.deviceId = "a84041000181a002";
        command.deviceType = "dragino-lht65";
        command.tenant = "demo";
        command.entityType = "IndoorEnvironmentObserved";
        command.localId = "cold-room-10";
        command.longitude = 7.62;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, command::execute);
        assertEquals("Not registered: give both --longitude and --latitude, or neither", refused.getMessage());
    }

    @Test
    void aDownlinkToPortZeroIsNotQueued() {
        DownlinkCommand command = new DownlinkCommand();
        command.adapter = "lorawan-chirpstack.demo";
        command.devEui = "a84041000181a002";
        command.port = 0;
        command.payload = "01";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, command::execute);
        assertTrue(refused.getMessage().startsWith("Not queued: The port of a downlink is 1 to 223"), refused.getMessage());
    }

    @Test
    void aKeyWithAnUnknownAccessLevelIsNotIssued() {
        ApiKeyAddCommand command = new ApiKeyAddCommand();
        command.tenant = "demo";
        command.access = "owner";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, command::execute);
        assertEquals("Not issued: An access level is read, write or admin, not 'owner'", refused.getMessage());
    }
}
