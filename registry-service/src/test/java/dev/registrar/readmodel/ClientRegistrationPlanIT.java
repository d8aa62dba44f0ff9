package dev.registrar.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The reads of given clients stay on the primary key even under the plan PostgreSQL makes for an
 * empty, never-analyzed table — the plan a server-prepared statement keeps where autovacuum is off.
 * A temporary copy of the table shadows the real one for this transaction only.
 */
@WithLocalServers(Server.POSTGRES)
class ClientRegistrationPlanIT {

    @Test
    void readsOfGivenClientsUseOnlyThePrimaryKeyWhateverTheStatistics() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("spring.datasource.url"));
        dataSource.setUser(System.getProperty("spring.datasource.username"));
        dataSource.setPassword(System.getProperty("spring.datasource.password"));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement setup = connection.createStatement()) {
                setup.execute("CREATE TEMPORARY TABLE client_registration (LIKE public.client_registration INCLUDING ALL) ON COMMIT DROP");
                setup.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            }
            ClientRegistrationRepository repository = new ClientRegistrationRepository(DSL.using(connection, SQLDialect.POSTGRES),
                    new ObjectMapper());

            repository.find("dev", "a-client");
            repository.registration("dev", "a-client");
            repository.tokenSubjects("dev", List.of("a-client", "another-client"));

            Map<String, Long> scans = indexScans(connection);
            assertThat(scans.get("other")).as("scans of the other indices").isZero();
            assertThat(scans.get("primary key")).as("scans of the primary key").isGreaterThanOrEqualTo(3);
            connection.rollback();
        }
    }

    private static Map<String, Long> indexScans(Connection connection) throws SQLException {
        Map<String, Long> scans = new HashMap<>(Map.of("primary key", 0L, "other", 0L));
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("""
                     SELECT indisprimary, pg_stat_get_xact_numscans(indexrelid) FROM pg_index
                     WHERE indrelid = 'pg_temp.client_registration'::regclass""")) {
            while (rows.next()) {
                scans.merge(rows.getBoolean(1) ? "primary key" : "other", rows.getLong(2), Long::sum);
            }
        }
        return scans;
    }
}
