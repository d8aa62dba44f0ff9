package dev.registrar.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How the services reach the stack's PostgreSQL database. */
public record PostgresEndpoint(String jdbcUrl, String username, String password) {

    /** A connection of its own to the database; an empty password means none (trust authentication). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password == null || password.isEmpty() ? null : password);
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + jdbcUrl + ", user " + username + "]";
    }
}
