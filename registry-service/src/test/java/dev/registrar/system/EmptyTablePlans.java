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
 * A transaction in which some of the service's tables are empty, never-analyzed copies of
 * themselves (temporary tables, which shadow the real ones) and every statement runs on
 * PostgreSQL's generic plan: the plan a statement the server prepared while the tables were empty
 * keeps until they are analyzed. Rows written to a copy meanwhile leave it never analyzed.
 * Afterwards it tells which of a copy's indices the statements scanned.
 */
public final class EmptyTablePlans implements AutoCloseable {

    private final Connection connection;
    /** Building a copy's indices scans it; those scans are not the statements'. */
    private final Map<String, Long> sequentialScansBefore = new HashMap<>();

    public EmptyTablePlans(String... tables) throws SQLException {
        PGSimpleDataSource dataSource = TestDatabase.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement setup = connection.createStatement()) {
            for (String table : tables) {
                setup.execute("CREATE TEMPORARY TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) ON COMMIT DROP");
            }
            setup.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        }
        for (String table : tables) {
            sequentialScansBefore.put(table, sequentialScans(table));
        }
    }

    public Connection connection() {
        return connection;
    }

    /** Scans of the copy's primary key, of its other indices, and of the copy itself (sequential), in this transaction so far. */
    public Map<String, Long> scans(String table) throws SQLException {
        Map<String, Long> scans = new HashMap<>(Map.of("primary key", 0L, "other", 0L));
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT indisprimary, pg_stat_get_xact_numscans(indexrelid) FROM pg_index"
                     + " WHERE indrelid = 'pg_temp." + table + "'::regclass")) {
            while (rows.next()) {
                scans.merge(rows.getBoolean(1) ? "primary key" : "other", rows.getLong(2), Long::sum);
            }
        }
        scans.put("sequential", sequentialScans(table) - sequentialScansBefore.get(table));
        return scans;
    }

    private long sequentialScans(String table) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT pg_stat_get_xact_numscans('pg_temp." + table + "'::regclass)")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
