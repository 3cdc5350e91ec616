package io.urbanhub.core.internal.store;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets PostgreSQL update the current state in place (HOT updates): the value indexes of the current
 * attributes go, since every new reading changed them, and the state tables keep room in each page.
 * Queries on values now go through the entity's key, after type, id or place have narrowed them.
 */
public class V5__Current_values_updated_in_place extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("DROP INDEX ix_hub_entity_attribute_number");
            statement.execute("DROP INDEX ix_hub_entity_attribute_text");
            if (SqlDialect.of(context.getConnection()) == SqlDialect.POSTGRESQL) {
                statement.execute("ALTER TABLE hub_entity SET (fillfactor = 70)");
                statement.execute("ALTER TABLE hub_entity_attribute SET (fillfactor = 70)");
            }
        }
    }
}
