package dev.registrar.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A transaction in which one of the service's tables is an empty, never-analyzed copy of itself
 * (a temporary table, which shadows the real one) and every statement runs on PostgreSQL's generic
 * plan: the plan a statement the server prepared while the table was empty keeps until the table
 * is analyzed. Afterwards it tells which of the copy's indices the statements scanned.
 */
public final class EmptyTablePlans implements AutoCloseable {

    private final Connection connection;
    private final String table;

    public EmptyTablePlans(String table) throws SQLException {
        PGSimpleDataSource dataSource = TestDatabase.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.table = table;
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement setup = connection.createStatement()) {
            setup.execute("CREATE TEMPORARY TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) ON COMMIT DROP");
            setup.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        }
    }

    public Connection connection() {
        return connection;
    }

    /** Scans of the copy's primary key and of its other indices, in this transaction so far. */
    public Map<String, Long> indexScans() throws SQLException {
        Map<String, Long> scans = new HashMap<>(Map.of("primary key", 0L, "other", 0L));
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT indisprimary, pg_stat_get_xact_numscans(indexrelid) FROM pg_index"
                     + " WHERE indrelid = 'pg_temp." + table + "'::regclass")) {
            while (rows.next()) {
                scans.merge(rows.getBoolean(1) ? "primary key" : "other", rows.getLong(2), Long::sum);
            }
        }
        return scans;
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
