package io.urbanhub.core.internal.tenants;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.urbanhub.api.admin.Tenant;
import io.urbanhub.api.admin.TenantRegistry;
import io.urbanhub.api.spi.DataLayer;
import io.urbanhub.core.internal.store.JdbcTenants;

/** The tenant registry in the store; read where asked, as tenants are few and change seldom. */
@Component(service = TenantRegistry.class)
public class StoredTenantRegistry implements TenantRegistry {

    private final JdbcTenants table;

    /**
     * @param dataLayer not used itself: it is there once the store's schema, the tenant table included, is migrated
     */
    @Activate
    public StoredTenantRegistry(@Reference(target = "(dataSourceName=urbanhub)") DataSource dataSource,
                                @Reference DataLayer dataLayer) {
        this.table = new JdbcTenants(dataSource);
    }

    @Override
    public List<Tenant> all() {
        try {
            return table.all();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the tenants failed", e);
        }
    }

    @Override
    public Optional<Tenant> find(String id) {
        return all().stream().filter(tenant -> tenant.id().equals(id)).findFirst();
    }

    @Override
    public void put(Tenant tenant) {
        try {
            table.save(tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("Saving tenant " + tenant.id() + " failed", e);
        }
    }

    @Override
    public boolean remove(String id) {
        try {
            return table.delete(id);
        } catch (SQLException e) {
            throw new IllegalStateException("Removing tenant " + id + " failed", e);
        }
    }
}
