package dev.registrar.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The servers of one stack, started in dependency order and stopped in reverse. Knows how each is
 * reached, and hands that to the services as Spring Boot properties.
 */
public final class LocalServers implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final StackSettings settings;
    private final Map<String, String> environment;
    private PostgresServer postgresServer;
    private KafkaServer kafkaServer;
    private ElasticsearchServer elasticsearchServer;
    private PostgresEndpoint postgres;
    private String kafkaBootstrap;
    private Path kafkaStreamsStateDir;
    private String elasticsearchUrl;

    private LocalServers(StackSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    public static LocalServers start(StackSettings settings, Set<Server> servers, Map<String, String> environment) throws Exception {
        LocalServers stack = new LocalServers(settings, environment);
        Files.createDirectories(settings.logDir());
        try {
            if (servers.contains(Server.POSTGRES)) {
                PostgresServer server = new PostgresServer(settings, environment);
                stack.postgresServer = server;
                stack.started.push(server);
                stack.postgres = server.start();
            }
            if (servers.contains(Server.KAFKA)) {
                KafkaServer server = new KafkaServer(settings, environment);
                stack.kafkaServer = server;
                stack.started.push(server);
                stack.kafkaBootstrap = server.start();
                stack.kafkaStreamsStateDir = server.streamsStateDir();
            }
            if (servers.contains(Server.ELASTICSEARCH)) {
                ElasticsearchServer server = new ElasticsearchServer(settings, environment);
                stack.elasticsearchServer = server;
                stack.started.push(server);
                stack.elasticsearchUrl = server.start();
            }
            return stack;
        } catch (Exception | Error failure) {
            stack.close();
            throw failure;
        }
    }

    public Optional<PostgresEndpoint> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<String> kafkaBootstrap() {
        return Optional.ofNullable(kafkaBootstrap);
    }

    public Optional<String> elasticsearchUrl() {
        return Optional.ofNullable(elasticsearchUrl);
    }

    /** Kafka's processes, while it runs (none if this stack has no Kafka). */
    List<Long> kafkaProcesses() {
        return kafkaServer == null ? List.of() : kafkaServer.processes().map(ProcessHandle::pid).toList();
    }

    /** Elasticsearch's processes, while it runs (none if this stack has no Elasticsearch). */
    List<Long> elasticsearchProcesses() {
        return elasticsearchServer == null ? List.of() : elasticsearchServer.processes().map(ProcessHandle::pid).toList();
    }

    /** Stops the Kafka broker, leaves it down for {@code down}, and starts it again on its data and port. */
    void restartKafka(Duration down) throws Exception {
        kafkaServer = replaced(kafkaServer, down, () -> new KafkaServer(settings.reused(), environment));
        kafkaServer.start();
    }

    /** Stops Elasticsearch, leaves it down for {@code down}, and starts it again on its data and port. */
    void restartElasticsearch(Duration down) throws Exception {
        elasticsearchServer = replaced(elasticsearchServer, down, () -> new ElasticsearchServer(settings.reused(), environment));
        elasticsearchServer.start();
    }

    /**
     * Restarts PostgreSQL: an embedded server on its data; the machine's own server through
     * {@code pg_ctlcluster}, which briefly takes it away from everything else using it too.
     */
    void restartPostgres() throws Exception {
        if (postgresServer.owned()) {
            postgresServer = replaced(postgresServer, Duration.ZERO, () -> new PostgresServer(settings.reused(), environment));
            postgresServer.start();
        } else {
            MachinePostgres.restart(postgres);
        }
    }

    /** Stops a running server, waits {@code down}, and puts its successor (not yet started) where it stood in the stop order. */
    private <S extends AutoCloseable> S replaced(S running, Duration down, Supplier<S> successor) throws Exception {
        started.remove(running);
        running.close();
        Thread.sleep(down);
        S next = successor.get();
        started.push(next);
        return next;
    }

    /** The Spring Boot properties that point a service at these servers. */
    public Map<String, String> springProperties() {
        var properties = new java.util.LinkedHashMap<String, String>();
        postgres().ifPresent(pg -> {
            properties.put("spring.datasource.url", pg.jdbcUrl());
            properties.put("spring.datasource.username", pg.username());
            properties.put("spring.datasource.password", pg.password());
        });
        kafkaBootstrap().ifPresent(bootstrap -> {
            properties.put("spring.kafka.bootstrap-servers", bootstrap);
            properties.put("spring.kafka.streams.state-dir", kafkaStreamsStateDir.toString());
        });
        elasticsearchUrl().ifPresent(url -> properties.put("spring.elasticsearch.uris", url));
        return properties;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception failure) {
                StackLog.say("stopping %s failed: %s", server.getClass().getSimpleName(), failure.getMessage());
            }
        }
    }
}
