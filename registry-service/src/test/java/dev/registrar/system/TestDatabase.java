package dev.registrar.system;

import org.postgresql.ds.PGSimpleDataSource;

/** The database the integration tests' PostgreSQL serves, as {@code @WithLocalServers} names it in the system properties. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("spring.datasource.url"));
        dataSource.setUser(System.getProperty("spring.datasource.username"));
        dataSource.setPassword(System.getProperty("spring.datasource.password"));
        return dataSource;
    }
}
