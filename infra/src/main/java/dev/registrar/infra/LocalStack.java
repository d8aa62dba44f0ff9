package dev.registrar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine: PostgreSQL, Kafka and Elasticsearch, then registry-service,
 * audit-projector and reporting-api. Prints what it starts and where each listens, writes
 * {@code endpoints.env} for scripts, and on Ctrl-C or SIGTERM stops the services, then the servers.
 *
 * <p>Usage: {@code LocalStack [--profile NAME] [--fresh]}; the {@code ./devstack} script builds what
 * is missing and runs this.
 */
public final class LocalStack {

    static final int REGISTRY_PORT = 8080;
    static final int REPORTING_PORT = 8081;
    static final int PROJECTOR_PORT = 8082;
    static final String EVENTS_TOPIC = "registrar.events";

    private final StackSettings settings;
    private final Map<String, String> environment;
    private final List<ServiceProcess> services = new ArrayList<>();
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);

    private volatile boolean stopping;
    private LocalServers servers;
    private DevCredentials credentials;
    private final Map<String, Map<String, Object>> overrides;

    LocalStack(StackSettings settings, Map<String, String> environment) {
        this(settings, environment, Map.of());
    }

    /** @param overrides by module, the settings this stack gives it apart from the usual ones */
    LocalStack(StackSettings settings, Map<String, String> environment, Map<String, Map<String, Object>> overrides) {
        this.settings = settings;
        this.environment = environment;
        this.overrides = Map.copyOf(overrides);
    }

    public static void main(String[] args) throws Exception {
        String profile = "dev";
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = args[++i];
                case "--fresh" -> fresh = true;
                default -> {
                    System.err.println("usage: LocalStack [--profile NAME] [--fresh]");
                    System.exit(2);
                }
            }
        }
        LocalStack stack = new LocalStack(StackSettings.forProfile(profile, fresh, System.getenv()), System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "registrar-stack-stop"));
        try {
            stack.start();
        } catch (Exception failure) {
            StackLog.say("could not start: %s", failure.getMessage());
            System.exit(1);
        }
        stack.watch();
        stopped.await();
    }

    void start() throws Exception {
        StackLog.say("starting the %s stack from %s (data in %s)", settings.profile(), settings.home(), settings.stackDir());
        Files.createDirectories(settings.logDir());
        servers = LocalServers.start(settings, EnumSet.allOf(Server.class), environment);
        credentials = DevCredentials.loadOrCreate(settings);

        // registry-service holds token batches in flight (a thousand tokens, their events and rows
        // each) while they wait their turn; with 768 MB, four to eight callers sending batches drove
        // it into back-to-back full collections.
        ServiceProcess registry = new ServiceProcess("registry-service", settings.port(REGISTRY_PORT), "1536m", settings);
        ServiceProcess projector = new ServiceProcess("audit-projector", settings.port(PROJECTOR_PORT), "768m", settings);
        ServiceProcess reporting = new ServiceProcess("reporting-api", settings.port(REPORTING_PORT), "768m", settings);
        Map<String, String> serverProperties = servers.springProperties();

        Map<String, Object> registryProperties = new LinkedHashMap<>(serverProperties);
        registryProperties.put("registrar.tenancy.tenants[0].id", credentials.tenant());
        registryProperties.put("registrar.tenancy.tenants[0].api-key", credentials.tenantApiKey());
        registryProperties.put("registrar.tenancy.tenants[0].public-base-url", registry.url());
        registryProperties.put("registrar.tenancy.admin-api-key", credentials.adminApiKey());
        registryProperties.put("registrar.tenancy.auditor-api-key", credentials.auditorApiKey());
        registryProperties.put("registrar.credentials.hash-key", credentials.credentialsHashKey());
        registryProperties.put("registrar.publishing.topic", EVENTS_TOPIC);
        start(registry, registryProperties);

        Map<String, Object> projectorProperties = new LinkedHashMap<>(serverProperties);
        projectorProperties.put("registrar.projector.topic", EVENTS_TOPIC);
        start(projector, projectorProperties);

        Map<String, Object> reportingProperties = new LinkedHashMap<>(serverProperties);
        reportingProperties.put("registrar.reporting.auditor-api-key", credentials.auditorApiKey());
        reportingProperties.put("registrar.reporting.registry-url", registry.url());
        start(reporting, reportingProperties);

        for (ServiceProcess service : services) {
            service.awaitHealthy();
        }
        Path endpoints = writeEndpoints(registry, reporting, projector, credentials);
        StackLog.say("ready:");
        StackLog.say("  registry-service  %s   (RFC 7591 registration: %s/t/%s/register)", registry.url(), registry.url(),
                credentials.tenant());
        StackLog.say("  reporting-api     %s", reporting.url());
        StackLog.say("  audit-projector   %s", projector.url());
        StackLog.say("  logs              %s", settings.logDir());
        StackLog.say("endpoints and development keys: %s  (source it in a shell)", endpoints);
        StackLog.say("press Ctrl-C to stop everything");
    }

    private void start(ServiceProcess service, Map<String, Object> properties) throws IOException {
        properties.putAll(overrides.getOrDefault(service.module(), Map.of()));
        services.add(service);
        service.start(properties);
    }

    /**
     * Supervises the services as an orchestrator would: one that dies under the running stack is
     * said to have died and is started again, at most once every few seconds.
     */
    void watch() throws InterruptedException {
        Map<String, Long> lastRestart = new HashMap<>();
        while (!stopping) {
            for (ServiceProcess service : services) {
                long now = System.nanoTime();
                if (!stopping && !service.isAlive()
                        && now - lastRestart.getOrDefault(service.module(), now - RESTART_PAUSE.toNanos()) >= RESTART_PAUSE.toNanos()) {
                    lastRestart.put(service.module(), now);
                    StackLog.say("%s has stopped; starting it again (see %s)", service.module(), service.logFile());
                    try {
                        service.restart();
                    } catch (IOException failure) {
                        StackLog.say("%s could not be started again: %s", service.module(), failure.getMessage());
                    }
                }
            }
            Thread.sleep(500);
        }
    }

    ServiceProcess service(String module) {
        return services.stream().filter(service -> service.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    LocalServers servers() {
        return servers;
    }

    DevCredentials credentials() {
        return credentials;
    }

    private Path writeEndpoints(ServiceProcess registry, ServiceProcess reporting, ServiceProcess projector,
                                DevCredentials credentials) throws IOException {
        Path file = settings.stackDir().resolve("endpoints.env");
        Path partial = settings.stackDir().resolve("endpoints.env.partial");
        Files.writeString(partial, String.join("\n",
                "# Written by the Registrar local stack (" + settings.profile() + "); removed when it stops.",
                "REGISTRY_URL=" + registry.url(),
                "REPORTING_URL=" + reporting.url(),
                "PROJECTOR_URL=" + projector.url(),
                "REGISTRATION_URL=" + registry.url() + "/t/" + credentials.tenant() + "/register",
                "TENANT=" + credentials.tenant(),
                "TENANT_API_KEY=" + credentials.tenantApiKey(),
                "ADMIN_API_KEY=" + credentials.adminApiKey(),
                "AUDITOR_API_KEY=" + credentials.auditorApiKey(),
                "DATABASE_URL=" + servers.postgres().map(PostgresEndpoint::jdbcUrl).orElse(""),
                "DATABASE_USER=" + servers.postgres().map(PostgresEndpoint::username).orElse(""),
                "DATABASE_PASSWORD=" + servers.postgres().map(PostgresEndpoint::password).map(String::valueOf).orElse(""),
                "KAFKA_BOOTSTRAP=" + servers.kafkaBootstrap().orElse(""),
                "ELASTICSEARCH_URL=" + servers.elasticsearchUrl().orElse(""),
                ""));
        // Readers polling for the file never see half of it.
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    void stop() {
        stopping = true;
        StackLog.say("stopping");
        try {
            Files.deleteIfExists(settings.stackDir().resolve("endpoints.env"));
        } catch (IOException ignored) {
            // A leftover file names endpoints that no longer answer; nothing worse.
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            ServiceProcess service = services.get(i);
            try {
                service.close();
                StackLog.say("%s stopped", service.module());
            } catch (IOException failure) {
                StackLog.say("stopping %s failed: %s", service.module(), failure.getMessage());
            }
        }
        if (servers != null) {
            servers.close();
        }
        StackLog.say("stopped");
    }
}
