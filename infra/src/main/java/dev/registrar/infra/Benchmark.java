package dev.registrar.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark harness: starts the local stack (profile {@code bench}, empty data, registration
 * limits lifted), drives it over real HTTP from this separate process, and prints a table of
 * throughput, p50/p99/max latency, and what each measurement cost the stack (cores busy, CPU time
 * per unit of work and memory, by part), also written as JSON. The requests are measured twice:
 * on the data the run itself leaves, and again after {@link StoreGrowth} has grown
 * registry-service's stores tenfold. Bounded: each measurement runs 20 s, after a warm-up of at
 * most four minutes per kind of request; about 40 minutes in all.
 */
public final class Benchmark {

    private static final Duration RUN = Duration.ofSeconds(20);
    private static final Duration WARM_UP_WINDOW = Duration.ofSeconds(15);
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(4);
    /** A warm-up window at most this much faster than the best before it has not improved. */
    private static final double WARM_UP_GAIN = 1.05;
    private static final Duration REPLAY_LIMIT = Duration.ofMinutes(3);
    /** Between token batches of 1,000 in the freshness runs: the target's 5,000 events/s, and half of it. */
    private static final List<Duration> FRESHNESS_INTERVALS = List.of(Duration.ofMillis(200), Duration.ofMillis(400));
    /**
     * Between two asks whether a batch is visible yet: a batch's freshness is measured to within
     * this. Asked back to back, the access reports cost the stack 0.3 cores at 2,500 events/s —
     * taken from the pipeline being measured.
     */
    private static final Duration VISIBILITY_POLL = Duration.ofMillis(50);
    private static final String PUBLIC_CLIENT = """
            {"client_name":"Bench","redirect_uris":["http://127.0.0.1:33418/callback"],"grant_types":["authorization_code"],
             "response_types":["code"],"token_endpoint_auth_method":"none","application_type":"native","scope":"mcp:tools",
             "software_id":"bench-agent","software_version":"1.0.0"}""";
    private static final String CONFIDENTIAL_CLIENT = PUBLIC_CLIENT.replace("\"none\"", "\"client_secret_basic\"")
            .replace("\"native\"", "\"web\"").replace("http://127.0.0.1:33418/callback", "https://bench.example.com/cb");

    private static final List<String> SERVICES = List.of("registry-service", "audit-projector", "reporting-api");

    private record Client(String id, String secret) {
    }

    /**
     * A measurement's throughput and latencies, and what the stack used meanwhile: how many cores
     * it kept busy, each part's CPU microseconds per unit of work, and each part's largest resident memory.
     */
    private record Measured(Throughput.Result throughput, double cores, Map<String, Long> cpuMicrosPerUnit,
                            Map<String, Long> peakResidentMiB) {

        long totalCpuMicrosPerUnit() {
            return cpuMicrosPerUnit.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final LocalStack stack;
    private final StackSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final StackUsage usage;
    private final List<Measured> results = new ArrayList<>();
    private final Map<String, Object> measured = new LinkedHashMap<>();

    private Benchmark(StackSettings settings) {
        this.settings = settings;
        this.stack = new LocalStack(settings, System.getenv(), Map.of("registry-service", FaultSuite.UNTHROTTLED));
        this.usage = stackUsage();
    }

    /**
     * The parts whose CPU time and memory each measurement reports: the services, Kafka and
     * Elasticsearch; for CPU time also PostgreSQL (every postgres process on the machine, since the
     * stack may use the machine's server) and this process, the load generator.
     */
    private StackUsage stackUsage() {
        Map<String, Supplier<List<Long>>> memory = new LinkedHashMap<>();
        SERVICES.forEach(module -> memory.put(module, () -> stack.service(module).pids()));
        memory.put("Kafka", () -> stack.servers().kafkaProcesses());
        memory.put("Elasticsearch", () -> stack.servers().elasticsearchProcesses());
        Map<String, Supplier<List<Long>>> cpu = new LinkedHashMap<>(memory);
        cpu.put("PostgreSQL", PostgresServer::processesOnThisMachine);
        cpu.put("load generator", () -> List.of(ProcessHandle.current().pid()));
        return new StackUsage(cpu, memory);
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = new Benchmark(StackSettings.forProfile("bench", true, System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark.stack::stop, "registrar-bench-stop"));
        benchmark.run();
        System.exit(0);
    }

    private void run() throws Exception {
        stack.start();
        DevCredentials keys = stack.credentials();
        String registry = stack.service("registry-service").url();
        String reporting = stack.service("reporting-api").url();
        URI registryServer = URI.create(registry);
        List<Client> clients = new ArrayList<>();
        try (LoadConnection connection = new LoadConnection(registryServer)) {
            for (int i = 0; i < 200; i++) {
                JsonNode registered = json.readTree(connection.post(registrationPath(keys), null, CONFIDENTIAL_CLIENT).body());
                clients.add(new Client(registered.get("client_id").asText(), registered.get("client_secret").asText()));
            }
        }
        measureRequests("", registryServer, keys, clients);

        for (Duration interval : FRESHNESS_INTERVALS) {
            freshness(registry, reporting, keys, clients, interval);
        }
        replay(registry, keys);
        rebuild(registry, keys);

        measured.put("stores grown tenfold (rows before -> after)",
                new StoreGrowth(stack.servers().postgres().orElseThrow()).tenfold());
        measureRequests(", 10× data", registryServer, keys, clients);

        for (String module : SERVICES) {
            measured.put(module, ProcessUsage.of(stack.service(module).pids()));
        }
        print();
    }

    /**
     * Registrations, look-ups, authentications and token batches, each warmed up to its steady state
     * and then measured; {@code scale} names the data they run on in the results.
     */
    private void measureRequests(String scale, URI registryServer, DevCredentials keys, List<Client> clients) throws Exception {
        String registration = registrationPath(keys);
        Throughput.Call register = connection -> connection.post(registration, null, PUBLIC_CLIENT).status() == 201;
        warmUp("registration" + scale, registryServer, 1, register);
        for (int connections : new int[] {16, 64}) {
            measure(() -> Throughput.run("registration (public client)" + scale, registryServer, connections, RUN, 1, register));
        }

        Throughput.Call lookUp = connection -> connection.get("/api/v1/clients/" + pick(clients).id(), keys.tenantApiKey()).status() == 200;
        Throughput.Call authenticate = connection -> {
            Client client = pick(clients);
            return connection.post("/api/v1/clients/" + client.id() + "/authentication", keys.tenantApiKey(),
                    "{\"client_secret\":\"" + client.secret() + "\"}").status() == 200;
        };
        warmUp("client look-up and authentication" + scale, registryServer, 1,
                connection -> lookUp.send(connection) & authenticate.send(connection));
        for (int connections : new int[] {16, 64}) {
            measure(() -> Throughput.run("client look-up" + scale, registryServer, connections, RUN, 1, lookUp));
        }
        for (int connections : new int[] {16, 64}) {
            measure(() -> Throughput.run("client authentication" + scale, registryServer, connections, RUN, 1, authenticate));
        }

        Throughput.Call recordTokens = connection ->
                connection.post("/api/v1/tokens/batch", keys.tenantApiKey(), tokenBatch(clients, 1000, "bench")).status() == 200;
        warmUp("token accounting (events)" + scale, registryServer, 1000, recordTokens);
        measure(() -> Throughput.run("token accounting (batches of 1,000)" + scale, registryServer, 4, RUN, 1000, recordTokens));
    }

    /**
     * Token batches at a steady rate — one batch of 1,000 sent every {@code interval}, each on its own
     * thread, so a slow answer does not hold back the next — and, meanwhile, the time from each
     * batch's 2xx until the access report counts all its tokens (each batch has a subject of its own).
     */
    private void freshness(String registry, String reporting, DevCredentials keys, List<Client> clients, Duration interval)
            throws Exception {
        long eventsPerSecond = 1000 * 1000 / interval.toMillis();
        double drained = awaitDrained(registry, keys);
        StackLog.say("bench: freshness at %,d token events/s for %d s (the pipeline caught up with the runs before in %.0f s)",
                eventsPerSecond, RUN.toSeconds(), drained);
        Instant from = Instant.now().minusSeconds(60);
        StackUsage.Meter meter = usage.start();
        List<Long> lagsMillis = new ArrayList<>();
        Queue<Map.Entry<String, Long>> recorded = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        pacer.scheduleAtFixedRate(() -> senders.submit(() -> {
            String subject = "fresh-" + UUID.randomUUID();
            sent.incrementAndGet();
            try {
                if (post(registry + "/api/v1/tokens/batch", tokenBatch(clients, 1000, subject), keys.tenantApiKey(), 200)) {
                    recorded.add(Map.entry(subject, System.nanoTime()));
                    return;
                }
            } catch (IOException | InterruptedException unanswered) {
                // counted below, as a refusal
            }
            refused.incrementAndGet();
        }), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        long sendingEnds = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < sendingEnds) {
            pollVisible(reporting, keys, from, recorded, lagsMillis, asked);
        }
        pacer.shutdown();
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        Map<String, Object> backlog = backlog(registry, keys);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!recorded.isEmpty() && System.nanoTime() < deadline) {
            pollVisible(reporting, keys, from, recorded, lagsMillis, asked);
        }
        StackUsage.Usage used = meter.stop();
        long[] sorted = lagsMillis.stream().mapToLong(lag -> lag * 1_000_000).sorted().toArray();
        measured.put("freshness at %d events/s".formatted(eventsPerSecond), Map.of("batches", sent.get(), "refused", refused.get(),
                "drainedBeforeSeconds", drained, "visible", sorted.length, "p50Millis", Throughput.percentile(sorted, 0.5),
                "p99Millis", Throughput.percentile(sorted, 0.99), "maxMillis", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                "backlogWhenSendingEnded", backlog, "accessReportsAsked", asked.get(),
                "stack", summary(used, sorted.length * 1000.0)));
    }

    /**
     * Waits until everything recorded so far is published and indexed (at most 5 minutes), so the
     * freshness run does not start behind the backlog of the runs before; answers how long that took.
     */
    private double awaitDrained(String registry, DevCredentials keys) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(5).toNanos();
        Map<String, Object> backlog = backlog(registry, keys);
        while (!backlog.values().stream().allMatch(Long.valueOf(0)::equals) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            backlog = backlog(registry, keys);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Where events wait when the last batch was recorded: stored but not yet published to Kafka (the
     * publisher's position behind the event store's head), and published but not yet indexed (the
     * projector's consumer lag, summed over the topic's partitions).
     */
    private Map<String, Object> backlog(String registry, DevCredentials keys) throws Exception {
        JsonNode publisher = replayProgress(registry, keys);
        JsonNode lag = json.readTree(send(HttpRequest.newBuilder(URI.create(stack.service("audit-projector").url()
                + "/actuator/metrics/kafka.consumer.fetch.manager.records.lag"))).body());
        double projectorLag = 0;
        for (JsonNode measurement : lag.path("measurements")) {
            projectorLag += measurement.path("value").asDouble();
        }
        return Map.of("unpublished", publisher.get("head").asLong() - publisher.get("position").asLong(),
                "unindexed", (long) projectorLag);
    }

    /**
     * Asks whether the oldest batch not yet seen is counted in full, and if not, waits {@link #VISIBILITY_POLL}
     * before the next ask; batches become visible in about the order they were recorded.
     */
    private void pollVisible(String reporting, DevCredentials keys, Instant from, Queue<Map.Entry<String, Long>> pending,
                             List<Long> lagsMillis, AtomicInteger asked) throws Exception {
        Map.Entry<String, Long> oldest = pending.peek();
        if (oldest == null) {
            Thread.sleep(10);
            return;
        }
        asked.incrementAndGet();
        HttpResponse<String> report = send(HttpRequest.newBuilder(URI.create(reporting + "/api/v1/reports/access?from=" + from
                        + "&to=" + Instant.now().plusSeconds(3600) + "&subject=" + URLEncoder.encode(oldest.getKey(), StandardCharsets.UTF_8)
                        // Only the token count is read: one search, not a second one listing the distinct values.
                        + "&distinct_counts=estimated"))
                .header("Authorization", "Bearer " + keys.auditorApiKey()));
        if (report.statusCode() == 200) {
            long tokens = 0;
            for (JsonNode row : json.readTree(report.body()).get("rows")) {
                tokens += row.get("tokens").asLong();
            }
            if (tokens == 1000) {
                lagsMillis.add((System.nanoTime() - oldest.getValue()) / 1_000_000);
                pending.remove();
                return;
            }
        }
        Thread.sleep(VISIBILITY_POLL.toMillis());
    }

    /**
     * Republishes the event store over the indices as they are: the publisher republishes every event
     * from the first, and the replay is done when the projector has indexed the last of them. Both rates
     * are kept — the publisher's alone, and the replay's to the end of indexing.
     */
    private void replay(String registry, DevCredentials keys) throws Exception {
        StackLog.say("bench: replay");
        StackUsage.Meter meter = usage.start();
        long start = System.nanoTime();
        post(registry + "/admin/v1/replay", "", keys.adminApiKey(), 200);
        long deadline = start + REPLAY_LIMIT.toNanos();
        JsonNode progress;
        do {
            Thread.sleep(200);
            progress = replayProgress(registry, keys);
        } while ((progress.get("replaying").asBoolean() || progress.get("position").asLong() < progress.get("head").asLong())
                && System.nanoTime() < deadline);
        awaitIndexed("replay", registry, keys, meter, start, progress);
    }

    /**
     * Rebuilds the indices from scratch as an operator does, with {@code ./replay --rebuild}: the
     * indices the events make are deleted, then everything is republished into new ones. The script
     * reports the publisher's progress once a second, so its rate is to within a second.
     */
    private void rebuild(String registry, DevCredentials keys) throws Exception {
        StackLog.say("bench: rebuild from scratch (./replay --rebuild)");
        StackUsage.Meter meter = usage.start();
        long start = System.nanoTime();
        Path output = settings.logDir().resolve("rebuild.log");
        Process script = new ProcessBuilder(settings.home().resolve("replay").toString(), "--profile", settings.profile(), "--rebuild")
                .directory(settings.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!script.waitFor(REPLAY_LIMIT.toSeconds(), TimeUnit.SECONDS) || script.exitValue() != 0) {
            script.destroy();
            throw new IllegalStateException("./replay --rebuild did not finish; see " + output);
        }
        awaitIndexed("rebuild", registry, keys, meter, start, replayProgress(registry, keys));
    }

    private JsonNode replayProgress(String registry, DevCredentials keys) throws Exception {
        return json.readTree(send(HttpRequest.newBuilder(URI.create(registry + "/admin/v1/replay"))
                .header("Authorization", "Bearer " + keys.adminApiKey())).body());
    }

    /** Waits until the projector has indexed what the publisher republished, and records both rates under {@code name}. */
    private void awaitIndexed(String name, String registry, DevCredentials keys, StackUsage.Meter meter, long start, JsonNode published)
            throws Exception {
        double publishedSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = start + REPLAY_LIMIT.toNanos();
        while (!backlog(registry, keys).get("unindexed").equals(0L) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double indexed = (System.nanoTime() - start) / 1e9;
        StackUsage.Usage used = meter.stop();
        long events = published.get("position").asLong();
        measured.put(name, Map.of("events", events, "of", published.get("head").asLong(), "publishedSeconds", publishedSeconds,
                "publishedPerSecond", events / publishedSeconds, "indexedSeconds", indexed, "eventsPerSecond", events / indexed,
                "stack", summary(used, events)));
    }

    /** What the stack used over a run that did {@code events} token events' work: cores busy, CPU µs per event by part, memory. */
    private static Map<String, Object> summary(StackUsage.Usage used, double events) {
        return Map.of("cores", Math.round(used.cores() * 100) / 100.0, "cpuMicrosPerEvent", used.microsPer(events),
                "peakResidentMiB", used.peakResidentMiB());
    }

    private static String tokenBatch(List<Client> clients, int size, String subject) {
        List<String> ids = Stream.generate(() -> UUID.randomUUID().toString()).limit(size).toList();
        return TokenBatch.json(ids, () -> pick(clients).id(), i -> subject);
    }

    /**
     * Runs a kind of request unmeasured first, in windows of 15 s, until two windows in a row were
     * no faster than the best before them: the JIT compilers of four processes on two cores take
     * minutes to settle, and the measurement is of the steady state. Each window's rate is reported.
     */
    private void warmUp(String what, URI server, double unitsPerRequest, Throughput.Call call) throws Exception {
        List<Long> rates = new ArrayList<>();
        double best = 0;
        int windowsWithoutGain = 0;
        Instant until = Instant.now().plus(WARM_UP_LIMIT);
        while (windowsWithoutGain < 2 && Instant.now().isBefore(until)) {
            double rate = Throughput.run("warm-up", server, 8, WARM_UP_WINDOW, unitsPerRequest, call).unitsPerSecond();
            rates.add(Math.round(rate));
            windowsWithoutGain = rate > best * WARM_UP_GAIN ? 0 : windowsWithoutGain + 1;
            best = Math.max(best, rate);
            StackLog.say("bench: warming up (%s): %.0f/s", what, rate);
        }
        measured.put("warm-up " + what + ", per s in each 15-s window", rates);
        analyze();
    }

    /**
     * Fresh planner statistics after the warm-up's writes, as autovacuum would gather them; the
     * server may have autovacuum off (this machine's has), and then nothing else does.
     */
    private void analyze() throws SQLException {
        try (Connection db = stack.servers().postgres().orElseThrow().connect(); Statement statement = db.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    private void measure(Callable<Throughput.Result> run) throws Exception {
        StackUsage.Meter meter = usage.start();
        Throughput.Result result = run.call();
        StackUsage.Usage used = meter.stop();
        Measured measurement = new Measured(result, used.cores(), used.microsPer(result.unitsPerSecond() * result.seconds()),
                used.peakResidentMiB());
        results.add(measurement);
        StackLog.say("bench: %s, %d connections: %.0f/s (%.0f units/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed;"
                        + " %.2f cores busy, CPU µs per unit %s",
                result.name(), result.connections(), result.perSecond(), result.unitsPerSecond(), result.p50Millis(), result.p99Millis(),
                result.maxMillis(), result.failed(), measurement.cores(), measurement.cpuMicrosPerUnit());
    }

    private void print() throws IOException {
        List<String> table = new ArrayList<>();
        table.add("%-46s %5s %10s %12s %9s %9s %9s %7s %6s %9s".formatted("measurement", "conn", "requests/s", "events/s", "p50 ms",
                "p99 ms", "max ms", "failed", "cores", "CPU µs"));
        for (Measured m : results) {
            Throughput.Result r = m.throughput();
            table.add("%-46s %5d %10.0f %12.0f %9.1f %9.1f %9.1f %7d %6.2f %9d".formatted(r.name(), r.connections(), r.perSecond(),
                    r.unitsPerSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.failed(), m.cores(), m.totalCpuMicrosPerUnit()));
        }
        table.add("cores: how many of the machine's cores the stack and the load generator kept busy; CPU µs: theirs per"
                + " registration, request or token event. Each part's share, and its largest resident memory (MiB):");
        for (Measured m : results) {
            table.add("  %s, %d conn: CPU µs %s; MiB %s".formatted(m.throughput().name(), m.throughput().connections(),
                    m.cpuMicrosPerUnit(), m.peakResidentMiB()));
        }
        measured.forEach((name, value) -> table.add(name + ": " + value));
        table.forEach(System.out::println);
        Path text = settings.stackDir().resolve("benchmark.txt");
        Files.writeString(text, String.join("\n", table) + "\n");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("throughput", results);
        all.putAll(measured);
        Path report = settings.stackDir().resolve("benchmark.json");
        Files.writeString(report, json.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        StackLog.say("bench: results written to %s and %s", text, report);
    }

    private static String registrationPath(DevCredentials keys) {
        return "/t/" + keys.tenant() + "/register";
    }

    private static Client pick(List<Client> clients) {
        return clients.get(ThreadLocalRandom.current().nextInt(clients.size()));
    }

    private boolean post(String url, String body, String bearer, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request).statusCode() == expected;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
