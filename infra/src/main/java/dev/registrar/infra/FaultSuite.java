package dev.registrar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fault-injection suite: starts the local stack (profile {@code faults}, from empty data),
 * runs a steady load, and while it runs kills registry-service and audit-projector with SIGKILL,
 * stops Kafka for 30 s and Elasticsearch for 60 s, and restarts PostgreSQL. After each fault it
 * audits the ledger against the event store and the event store against Elasticsearch, prints a
 * table, writes it as JSON, and exits non-zero when anything is missing, duplicated, half done or
 * stale. The load holds while each audit runs, so the audit compares the store and the indices at
 * rest. Bounded: about eight minutes, loopback only.
 */
public final class FaultSuite {

    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration AUDIT_PATIENCE = Duration.ofSeconds(180);

    private record Row(String fault, Duration recovery, StackAudit.Result result) {
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private final LocalStack stack;
    private final StackSettings settings;
    private final List<Row> rows = new ArrayList<>();

    /** The load comes from one address at a few hundred requests a second: the registration limits must let it through. */
    static final Map<String, Object> UNTHROTTLED = Map.of(
            "registrar.throttling.registrations-per-tenant.capacity", 1_000_000,
            "registrar.throttling.registrations-per-tenant.period", "1m",
            "registrar.throttling.registrations-per-source.capacity", 1_000_000,
            "registrar.throttling.registrations-per-source.period", "1m",
            "registrar.throttling.registrations-per-software.capacity", 1_000_000,
            "registrar.throttling.registrations-per-software.period", "1m");

    private FaultSuite(StackSettings settings) {
        this.settings = settings;
        this.stack = new LocalStack(settings, System.getenv(), Map.of("registry-service", UNTHROTTLED));
    }

    public static void main(String[] args) throws Exception {
        FaultSuite suite = new FaultSuite(StackSettings.forProfile("faults", true, System.getenv()));
        // Ctrl-C or SIGTERM stops what the suite started, as the stack does.
        Thread stop = new Thread(suite.stack::stop, "registrar-faults-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        boolean clean = suite.run();
        System.exit(clean ? 0 : 1);
    }

    private boolean run() throws Exception {
        stack.start();
        Thread supervisor = Thread.ofPlatform().name("supervisor").daemon().start(() -> {
            try {
                stack.watch();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        DevCredentials credentials = stack.credentials();
        ServiceProcess registry = stack.service("registry-service");
        ServiceProcess projector = stack.service("audit-projector");
        LocalServers servers = stack.servers();
        StackAudit audit = new StackAudit(servers.postgres().orElseThrow(), servers.elasticsearchUrl().orElseThrow());
        Ledger ledger = new Ledger();

        try (LoadDriver load = new LoadDriver(registry.url(), credentials.tenant(), credentials.tenantApiKey(), ledger, 4, 50)) {
            load.start();
            StackLog.say("faults: steady load running; warming up for %d s", SETTLE.toSeconds());
            Thread.sleep(SETTLE);
            check("none (warm-up)", Duration.ZERO, audit, ledger, load);

            inject("registry-service killed (SIGKILL)", audit, ledger, load, () -> {
                registry.kill();
                awaitHealthy(registry);
            });
            inject("audit-projector killed mid-batch (SIGKILL)", audit, ledger, load, () -> {
                projector.kill();
                awaitHealthy(projector);
            });
            inject("Kafka stopped for 30 s", audit, ledger, load, () -> {
                servers.restartKafka(Duration.ofSeconds(30));
                awaitHealthy(registry);
                awaitHealthy(projector);
            });
            inject("Elasticsearch stopped for 60 s", audit, ledger, load, () -> {
                servers.restartElasticsearch(Duration.ofSeconds(60));
                awaitHealthy(projector);
            });
            inject("PostgreSQL restarted", audit, ledger, load, () -> {
                servers.restartPostgres();
                awaitHealthy(registry);
            });
            load.pause();
            rows.add(new Row("end (load stopped)", Duration.ZERO, audit.audit(ledger, AUDIT_PATIENCE)));
        }
        supervisor.interrupt();
        print(ledger);
        return rows.stream().allMatch(row -> row.result().clean());
    }

    /** Injects a fault under load, measures how long until the stack answers again, lets the load run on, and audits. */
    private void inject(String fault, StackAudit audit, Ledger ledger, LoadDriver load, Fault injection) throws Exception {
        StackLog.say("faults: %s", fault);
        long start = System.nanoTime();
        injection.inject();
        Duration recovery = Duration.ofNanos(System.nanoTime() - start);
        StackLog.say("faults: recovered after %.1f s; load continues for %d s", recovery.toMillis() / 1000.0, SETTLE.toSeconds());
        Thread.sleep(SETTLE);
        check(fault, recovery, audit, ledger, load);
    }

    /** Holds the load while the audit runs, so it compares the store and the indices at rest. */
    private void check(String fault, Duration recovery, StackAudit audit, Ledger ledger, LoadDriver load) throws Exception {
        load.pause();
        try {
            StackAudit.Result result = audit.audit(ledger, AUDIT_PATIENCE);
            rows.add(new Row(fault, recovery, result));
            StackLog.say("faults: %s → %s", fault, result);
        } finally {
            load.resume();
        }
    }

    /** Healthy means every dependency answers: the service, and through it PostgreSQL and Kafka (and Elasticsearch). */
    private void awaitHealthy(ServiceProcess service) {
        // No liveness check here: the process may be dead until the stack's supervisor has started it again.
        Await.until(service.module() + " healthy again", Duration.ofSeconds(240), () -> { }, service::healthy);
    }

    private void print(Ledger ledger) throws IOException {
        String header = "%-44s %9s %13s %9s %9s %8s %8s %10s %11s %6s";
        String line = "%-44s %9s %13d %9d %9d %8d %8d %10d %11d %6d";
        List<String> table = new ArrayList<>();
        table.add(header.formatted("fault", "recovery", "acknowledged", "stored", "indexed", "missing", "partial", "unindexed",
                "duplicated", "stale"));
        for (Row row : rows) {
            StackAudit.Result r = row.result();
            table.add(line.formatted(row.fault(), row.recovery().isZero() ? "-" : "%.1f s".formatted(row.recovery().toMillis() / 1000.0),
                    r.acknowledged(), r.stored(), r.indexed(), r.missingFromStore(), r.partial(), r.missingFromIndex(), r.duplicated(),
                    r.staleClients()));
        }
        table.add("refused requests (no 2xx; each left nothing behind): " + new TreeMap<>(ledger.refusals));
        table.forEach(System.out::println);
        Path report = settings.stackDir().resolve("fault-report.txt");
        Files.writeString(report, String.join("\n", table) + "\n");
        Path jsonReport = settings.stackDir().resolve("fault-report.json");
        StringBuilder json = new StringBuilder("[");
        for (Row row : rows) {
            StackAudit.Result r = row.result();
            json.append(json.length() > 1 ? "," : "").append(Json.object(Map.of("fault", row.fault(),
                    "recoverySeconds", row.recovery().toMillis() / 1000.0, "acknowledged", r.acknowledged(), "stored", r.stored(),
                    "indexed", r.indexed(), "missing", r.missingFromStore(), "partial", r.partial(), "unindexed", r.missingFromIndex(),
                    "duplicated", r.duplicated(), "staleClients", r.staleClients())));
        }
        Files.writeString(jsonReport, json.append("]\n").toString());
        StackLog.say("faults: report written to %s and %s", report, jsonReport);
    }
}
