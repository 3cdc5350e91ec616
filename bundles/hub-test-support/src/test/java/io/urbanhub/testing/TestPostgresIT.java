package io.urbanhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class TestPostgresIT {

    @Test
    void givesEachTestAFreshDatabaseAndDropsItOnClose() throws Exception {
        TestPostgres postgres = TestPostgres.start();
        String url = postgres.jdbcUrl();
        try (postgres) {
            assertStoresAndReadsARow(postgres);
        }
        assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(url, "postgres", "").close());
    }

    @Test
    void embeddedPostgresWorksWhenForced() throws Exception {
        System.setProperty(LocalService.FORCE_EMBEDDED, "true");
        try (TestPostgres postgres = TestPostgres.start()) {
            assertTrue(postgres.isEmbedded());
            assertStoresAndReadsARow(postgres);
        } finally {
            System.clearProperty(LocalService.FORCE_EMBEDDED);
        }
    }

    private static void assertStoresAndReadsARow(TestPostgres postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE reading (device TEXT, level DOUBLE PRECISION)");
            statement.execute("INSERT INTO reading VALUES ('well-7', 12.5)");
            try (ResultSet rs = statement.executeQuery("SELECT level FROM reading WHERE device = 'well-7'")) {
                assertTrue(rs.next());
                assertEquals(12.5, rs.getDouble(1));
            }
        }
    }
}
