package dev.registrar.infra;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run from
 * the jars that infra/server-dist lays out from Maven Central, on loopback only.
 */
final class KafkaServer implements AutoCloseable {

    static final int BROKER_PORT = 19092;
    static final int CONTROLLER_PORT = 19093;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final StackSettings settings;
    private final Map<String, String> environment;
    private final Path dir;
    private final ManagedProcess process;
    private KafkaContainer container;

    KafkaServer(StackSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
        this.dir = settings.stackDir().resolve("kafka");
        this.process = new ManagedProcess("Kafka", dir.resolve("kafka.pid"), settings.logDir().resolve("kafka.log"), dir.toString());
    }

    /**
     * Where Kafka Streams applications of this stack keep their local state: beside the broker's
     * data, and wiped with it, because the state is only valid for this broker's changelog topics.
     */
    Path streamsStateDir() {
        return dir.resolve("streams-state");
    }

    /** Starts the broker and returns its bootstrap address once it answers. */
    String start() throws Exception {
        if (Docker.available(environment)) {
            StackLog.say("Kafka: starting a container");
            container = new KafkaContainer("apache/kafka:" + Distributions.kafkaVersion());
            container.start();
            return container.getBootstrapServers();
        }
        Path libs = Distributions.kafkaLibs(settings.home());
        process.replaceStale();
        Path data = dir.resolve("data");
        if (settings.fresh()) {
            Folders.delete(data);
            Folders.delete(streamsStateDir());
        }
        Files.createDirectories(data);
        String bootstrap = "127.0.0.1:" + settings.port(BROKER_PORT);
        Path config = writeConfig(data);
        Path log4j = writeLogConfig();
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(libs, config, log4j);
        }
        StackLog.say("Kafka %s: starting on %s (log %s)", Distributions.kafkaVersion(), bootstrap, process.logFile());
        List<String> command = java(libs, log4j);
        command.addAll(List.of("-Xms256m", "-Xmx512m", "kafka.Kafka", config.toString()));
        process.start(command, Map.of(), dir);
        Await.until("Kafka on " + bootstrap + " (log: " + process.logFile() + ")", START_TIMEOUT, process::checkAlive,
                () -> brokerAnswers(bootstrap));
        StackLog.say("Kafka: ready on %s", bootstrap);
        return bootstrap;
    }

    private void format(Path libs, Path config, Path log4j) throws IOException, InterruptedException {
        List<String> command = java(libs, log4j);
        // "=" keeps an id that starts with "-" (base64url may) from reading as an option.
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id=" + clusterId(), "--config", config.toString()));
        Process formatting = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(process.logFile().toFile()))
                .start();
        if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
            formatting.destroyForcibly();
            throw new IllegalStateException("formatting Kafka's storage failed; see " + process.logFile());
        }
    }

    private Path writeConfig(Path data) throws IOException {
        int broker = settings.port(BROKER_PORT);
        int controller = settings.port(CONTROLLER_PORT);
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + broker,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
        Path config = dir.resolve("server.properties");
        Files.writeString(config, properties);
        return config;
    }

    private Path writeLogConfig() throws IOException {
        Path config = dir.resolve("log4j2.properties");
        Files.writeString(config, String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "appender.stdout.type=Console",
                "appender.stdout.name=STDOUT",
                "appender.stdout.layout.type=PatternLayout",
                "appender.stdout.layout.pattern=[%d] %p %m (%c)%n",
                "logger.kafka.name=kafka",
                "logger.kafka.level=WARN",
                "logger.apache.name=org.apache.kafka",
                "logger.apache.level=WARN",
                "logger.started.name=kafka.server.KafkaRaftServer",
                "logger.started.level=INFO",
                ""));
        return config;
    }

    private List<String> java(Path libs, Path log4j) {
        List<String> command = new ArrayList<>();
        command.add(Distributions.javaExecutable());
        command.add("-Dlog4j2.configurationFile=" + log4j);
        command.add("-Dkafka.logs.dir=" + settings.logDir());
        command.add("-cp");
        command.add(libs.resolve("*").toString());
        return command;
    }

    /** The StorageTool wants a base64url-encoded 16-byte UUID. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static boolean brokerAnswers(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        }
    }

    /** The server's process and its children, while it runs. */
    Stream<ProcessHandle> processes() {
        return process.processes();
    }

    /** Stops the broker; a stopped broker flushes its logs, so the next start finds its data intact. */
    @Override
    public void close() throws IOException {
        if (container != null) {
            container.stop();
            container = null;
        }
        process.stop(Duration.ofSeconds(30));
    }
}
