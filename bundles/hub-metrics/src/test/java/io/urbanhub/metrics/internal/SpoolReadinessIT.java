package io.urbanhub.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.urbanhub.api.admin.AdapterInstanceStatus;
import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.model.Source;
import io.urbanhub.api.model.UnitCodes;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.ActivatedDataLayer;
import io.urbanhub.core.internal.CuttableProxy;
import io.urbanhub.testing.TestPostgres;

/** The readiness through a real outage of PostgreSQL: down with the inputs spooled meanwhile, up once they are stored. */
class SpoolReadinessIT {

    private static final AdapterInstanceStatus RUNNING = new AdapterInstanceStatus("lorawan-chirpstack.musterstadt",
            "lorawan-chirpstack", "musterstadt", "RUNNING", "");

    @TempDir
    Path spoolFolder;

    @Test
    void anOutageMakesTheHubUnreadyWithTheInputsSpooledAndItIsReadyAgainOnceTheyAreStored() throws Exception {
        try (TestPostgres postgres = TestPostgres.start(); CuttableProxy proxy = CuttableProxy.inFrontOf(postgres)) {
            DataSource database = proxy.dataSource(postgres);
            try (ActivatedDataLayer activated = new ActivatedDataLayer(database,
                    Map.of("store_spool_folder", spoolFolder.toString()));
                 StoreCheck check = new StoreCheck(() -> database, Duration.ofSeconds(2))) {
                HubHealth health = new HubHealth(() -> List.of(RUNNING), check, activated.get()::spool);
                assertEquals(200, HealthResource.answer(health.ready()).getStatus());

                proxy.cut();
                for (int frame = 0; frame < 100; frame++) {
                    assertEquals(Receipt.SPOOLED, activated.get().accept(input(frame), List.of(reading(frame))));
                }
                Response outage = HealthResource.answer(health.ready());
                assertEquals(503, outage.getStatus());
                JsonNode store = json(outage).at("/store");
                assertEquals("DOWN", store.at("/status").asText());
                assertTrue(store.at("/reason").asText().startsWith("spooling 100 inputs: "), store.toString());
                assertEquals(100, store.at("/spooledInputs").asLong());
                assertEquals(200, HealthResource.answer(HubHealth.live()).getStatus(), "alive all the same");

                proxy.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                Response ready = HealthResource.answer(health.ready());
                while (ready.getStatus() != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    ready = HealthResource.answer(health.ready());
                }
                assertEquals(200, ready.getStatus(), ready.getEntity().toString());
            }
            assertEquals(100, storedInputs(postgres));
        }
    }

    private static long storedInputs(TestPostgres postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM hub_input WHERE tenant = 'musterstadt'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Input input(int frame) {
        return new Input("musterstadt", source(frame), Instant.now(), new byte[] {(byte) frame});
    }

    private static Observation reading(int frame) {
        return new Observation(new EntityId("IndoorEnvironmentObserved", "musterstadt", "cold-room-1"), Instant.now(),
                Map.of("temperature", Property.of(4.2, UnitCodes.DEGREE_CELSIUS)), null, source(frame));
    }

    private static Source source(int frame) {
        return new Source("lorawan-chirpstack.musterstadt", "chirpstack", "a84041000181c061", "fcnt:" + frame);
    }

    private static JsonNode json(Response response) throws Exception {
        return new ObjectMapper().readTree(response.getEntity().toString());
    }
}
