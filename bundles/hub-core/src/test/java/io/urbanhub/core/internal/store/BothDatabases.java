package io.urbanhub.core.internal.store;

import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.urbanhub.testing.TestPostgres;

/** The databases the store supports: a fresh in-memory H2 and a fresh database on a real PostgreSQL. */
public final class BothDatabases implements AutoCloseable {

    private final TestPostgres postgres = TestPostgres.start();

    public Stream<DataSource> fresh() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(postgres.jdbcUrl());
        pg.setUser(postgres.username());
        return Stream.of(h2, pg);
    }

    @Override
    public void close() {
        postgres.close();
    }
}
