package dev.registrar.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The stack's PostgreSQL, in order of preference: the server already listening on
 * 127.0.0.1:5432 (the project's database is created in it), a container where a Docker engine
 * runs, else an embedded PostgreSQL from Maven Central with its data under the stack folder.
 */
final class PostgresServer implements AutoCloseable {

    private static final int LOCAL_PORT = 5432;
    private static final int EMBEDDED_PORT = 15432;

    private final StackSettings settings;
    private final Map<String, String> environment;
    private AutoCloseable owned;
    private PostgresEndpoint endpoint;

    PostgresServer(StackSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    PostgresEndpoint start() throws Exception {
        String host = environment.getOrDefault("REGISTRAR_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(environment.getOrDefault("REGISTRAR_PG_PORT", Integer.toString(LOCAL_PORT)));
        String user = environment.getOrDefault("REGISTRAR_PG_USER", "postgres");
        String password = environment.getOrDefault("REGISTRAR_PG_PASSWORD", "");
        if (answers(host, port)) {
            StackLog.say("PostgreSQL: using the server at %s:%d", host, port);
            endpoint = createDatabase("jdbc:postgresql://" + host + ":" + port + "/", user, password);
        } else if (Docker.available(environment)) {
            StackLog.say("PostgreSQL: no server at %s:%d, starting a container", host, port);
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            owned = container;
            String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/";
            endpoint = createDatabase(url, container.getUsername(), container.getPassword());
        } else {
            int embeddedPort = settings.port(EMBEDDED_PORT);
            StackLog.say("PostgreSQL: no server at %s:%d, starting an embedded one on 127.0.0.1:%d", host, port, embeddedPort);
            var dataDir = settings.stackDir().resolve("postgres");
            Files.createDirectories(dataDir);
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setPort(embeddedPort)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.fresh())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            owned = embedded;
            endpoint = createDatabase("jdbc:postgresql://127.0.0.1:" + embeddedPort + "/", "postgres", "");
        }
        StackLog.say("PostgreSQL: database %s ready", endpoint.jdbcUrl());
        return endpoint;
    }

    /** Creates the profile's database; a fresh stack starts from an empty one. */
    private PostgresEndpoint createDatabase(String serverUrl, String user, String password) throws SQLException {
        String database = settings.databaseName();
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            if (settings.fresh()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            boolean exists;
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + database);
            }
            try (var rows = statement.executeQuery("SHOW autovacuum")) {
                if (rows.next() && rows.getString(1).equals("off")) {
                    StackLog.say("PostgreSQL: autovacuum is off on this server: the planner's statistics change only when ANALYZE runs");
                }
            }
        }
        return new PostgresEndpoint(serverUrl + database, user, password);
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /**
     * Every PostgreSQL process on this machine, whichever server the stack uses: a backend per
     * connection and the server's own workers all run the {@code postgres} program.
     */
    static List<Long> processesOnThisMachine() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().filter(command -> command.endsWith("/postgres")).isPresent())
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Whether this stack started the server (embedded or a container), rather than using the machine's. */
    boolean owned() {
        return owned != null;
    }

    @Override
    public void close() throws Exception {
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }
}
