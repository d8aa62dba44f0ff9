package dev.registrar.infra;

/** How the services reach the stack's PostgreSQL database. */
public record PostgresEndpoint(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "PostgresEndpoint[" + jdbcUrl + ", user " + username + "]";
    }
}
