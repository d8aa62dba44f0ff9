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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Compliance queries over a large index (what {@code ./bench --compliance} runs): token issuances
 * and their event-log entries are bulk-loaded into Elasticsearch in the projector's exact document
 * shapes and under its templates — a year of tokens of 20,000 clients — then the auditor's
 * questions are asked through reporting-api: the access report for a quarter filtered by scope,
 * the same narrowed to one software with exact distinct counts, and a client's timeline. Measured
 * at a tenth of the documents (1×) and at all of them (10×).
 * Loading goes straight to Elasticsearch: ten million tokens through the whole pipeline would take
 * the better part of an hour here, and what is measured is the query, not the loading.
 */
public final class ComplianceBenchmark {

    private static final int CLIENTS = 20_000;
    private static final int SOFTWARE = 50;
    private static final int SUBJECTS = 200_000;
    private static final List<String> SCOPES = List.of("mcp:tools", "mcp:resources", "mcp:prompts", "read:customer_data",
            "write:customer_data", "read:orders", "write:orders", "read:tickets", "write:tickets", "admin:billing");
    private static final long YEAR_SECONDS = 365L * 24 * 3600;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    private static final int BULK = 5_000;
    private static final int QUERIES = 200;
    private static final long QUARTER_SECONDS = 91L * 24 * 3600;
    /**
     * The projector merges the indices of ended months as it does anywhere, but looks every few
     * seconds instead of every hour, so the benchmark does not wait an hour for it.
     */
    private static final Map<String, Map<String, Object>> COMPACTING_SOON = Map.of("audit-projector",
            Map.of("registrar.projector.compaction-interval", "5s"));
    private static final Duration COMPACTION_TIMEOUT = Duration.ofMinutes(20);

    private final LocalStack stack;
    private final StackSettings settings;
    private final long documents;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final SplittableRandom random = new SplittableRandom(42);
    /** The tokens are of the year before today, as an index in use holds: ended months and the current one. */
    private final Instant yearStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minusSeconds(YEAR_SECONDS);
    private final Map<String, Object> measured = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();

    private ComplianceBenchmark(StackSettings settings, long documents) {
        this.settings = settings;
        this.documents = documents;
        this.stack = new LocalStack(settings, System.getenv(), COMPACTING_SOON);
    }

    public static void main(String[] args) throws Exception {
        long documents = Long.getLong("registrar.bench.documents", 10_000_000L);
        ComplianceBenchmark benchmark = new ComplianceBenchmark(StackSettings.forProfile("bench", true, System.getenv()), documents);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark.stack::stop, "registrar-bench-stop"));
        benchmark.run();
        System.exit(0);
    }

    private void run() throws Exception {
        stack.start();
        String elasticsearch = stack.servers().elasticsearchUrl().orElseThrow();
        String reporting = stack.service("reporting-api").url();
        String auditorKey = stack.credentials().auditorApiKey();
        table.add("%-8s %12s %-44s %9s %9s %9s %9s".formatted("scale", "documents", "query", "p50 ms", "p95 ms", "max ms", "rows"));

        long loaded = 0;
        for (long target : new long[] {documents / 10, documents}) {
            long start = System.nanoTime();
            long before = loaded;
            loaded = load(elasticsearch, before, target);
            double seconds = (System.nanoTime() - start) / 1e9;
            StackLog.say("bench: %,d token documents (and as many event-log entries) indexed; %.0f documents/s while loading",
                    loaded, 2 * (loaded - before) / seconds);
            settle(elasticsearch);
            String scale = target == documents ? "10×" : "1×";
            measure(scale, loaded, "access report, one quarter, one scope", () -> accessReport(reporting, auditorKey, ""));
            // The narrow question exact distinct counts are for: one software's use of one scope in a quarter.
            measure(scale, loaded, "… one software, exact distinct counts", () -> accessReport(reporting, auditorKey,
                    "&software_id=agent-" + random.nextInt(SOFTWARE) + "&distinct_counts=exact"));
            measure(scale, loaded, "client timeline", () -> timeline(reporting, auditorKey));
            measured.put("index-" + scale, indexSizes(elasticsearch));
        }
        print();
    }

    /** Indexes token documents {@code from} up to {@code to}, each with its event-log entry; reports progress. */
    private long load(String elasticsearch, long from, long to) throws Exception {
        StackLog.say("bench: loading token documents %,d to %,d into Elasticsearch", from, to);
        setRefresh(elasticsearch, "-1");
        long reported = System.nanoTime();
        StringBuilder body = new StringBuilder(BULK * 900);
        for (long n = from; n < to; n++) {
            appendToken(body, n);
            if ((n + 1) % BULK == 0 || n + 1 == to) {
                bulk(elasticsearch, body);
                body.setLength(0);
                if (System.nanoTime() - reported > Duration.ofSeconds(15).toNanos()) {
                    StackLog.say("bench: %,d of %,d token documents (%d%%)", n + 1, to, (n + 1) * 100 / to);
                    reported = System.nanoTime();
                }
            }
        }
        setRefresh(elasticsearch, "1s");
        return to;
    }

    /** One token issuance as the projector writes it: the token document and its event-log entry. */
    private void appendToken(StringBuilder body, long n) {
        int client = random.nextInt(CLIENTS);
        int software = client % SOFTWARE;
        Instant issuedAt = yearStart.plusSeconds(random.nextLong(YEAR_SECONDS));
        String month = MONTH.format(issuedAt);
        String tokenId = "bench-token-" + n;
        String clientId = clientId(client);
        String scopes = scopesOf(n);
        String common = "\"tenant\":\"dev\",\"clientId\":\"" + clientId + "\",\"softwareId\":\"agent-" + software
                + "\",\"softwareVersion\":\"1." + (client % 5) + ".0\",\"scopes\":[" + scopes + "],\"audience\":[\"https://mcp.example.com\"],"
                + "\"grantType\":\"authorization_code\",\"subject\":\"user-" + random.nextInt(SUBJECTS) + "\",\"issuedAt\":\"" + issuedAt
                + "\",\"expiresAt\":\"" + issuedAt.plusSeconds(3600) + "\"";
        body.append("{\"index\":{\"_index\":\"registrar-tokens-").append(month).append("\",\"_id\":\"").append(tokenId).append("\"}}\n")
                .append("{\"tokenId\":\"").append(tokenId).append("\",").append(common).append("}\n");
        String eventId = "bench-event-" + n;
        body.append("{\"index\":{\"_index\":\"registrar-events-").append(month).append("\",\"_id\":\"").append(eventId).append("\"}}\n")
                .append("{\"eventId\":\"").append(eventId).append("\",\"type\":\"token.issued\",\"schemaVersion\":1,\"tenant\":\"dev\",")
                .append("\"aggregateType\":\"token\",\"aggregateId\":\"").append(tokenId).append("\",\"aggregateSequence\":0,\"occurredAt\":\"")
                .append(issuedAt).append("\",\"actor\":{\"kind\":\"tenant\",\"id\":\"tenant:dev\"},\"payload\":{\"tokenId\":\"")
                .append(tokenId).append("\",").append(common.replace("\"tenant\":\"dev\",", "")).append("}}\n");
        if (n < CLIENTS) {
            appendClientEvents(body, (int) n);
        }
    }

    /** Each client's own timeline: registered, a few secret rotations and metadata updates. */
    private void appendClientEvents(StringBuilder body, int client) {
        String clientId = clientId(client);
        Instant at = yearStart.plusSeconds(client * 1_000L);
        for (int sequence = 0; sequence < 5; sequence++) {
            String type = sequence == 0 ? "client.registered" : sequence % 2 == 0 ? "client.secret-rotated" : "client.metadata-updated";
            Instant occurredAt = at.plusSeconds(sequence * 86_400L);
            String eventId = "bench-client-" + client + "-" + sequence;
            body.append("{\"index\":{\"_index\":\"registrar-events-").append(MONTH.format(occurredAt)).append("\",\"_id\":\"")
                    .append(eventId).append("\"}}\n")
                    .append("{\"eventId\":\"").append(eventId).append("\",\"type\":\"").append(type).append("\",\"schemaVersion\":1,")
                    .append("\"tenant\":\"dev\",\"aggregateType\":\"client\",\"aggregateId\":\"").append(clientId)
                    .append("\",\"aggregateSequence\":").append(sequence).append(",\"occurredAt\":\"").append(occurredAt)
                    .append("\",\"actor\":{\"kind\":\"tenant\",\"id\":\"tenant:dev\"},\"payload\":{\"clientId\":\"").append(clientId)
                    .append("\"}}\n");
        }
    }

    private static String clientId(int client) {
        return "bench-client-" + client;
    }

    /** One to three scopes, skewed so some are common and some rare, as real grants are. */
    private String scopesOf(long n) {
        int count = 1 + random.nextInt(3);
        StringBuilder scopes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int index = Math.min(SCOPES.size() - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3));
            scopes.append(i == 0 ? "" : ",").append('"').append(SCOPES.get(index)).append('"');
        }
        return scopes.toString();
    }

    /**
     * A quarter (91 days) starting at a random second of the year, so no two questions are alike and
     * Elasticsearch's request cache answers none of them; {@code narrowing} adds parameters to the question.
     */
    private boolean accessReport(String reporting, String auditorKey, String narrowing) throws Exception {
        Instant from = yearStart.plusSeconds(random.nextLong(YEAR_SECONDS - QUARTER_SECONDS));
        String scope = SCOPES.get(random.nextInt(SCOPES.size()));
        HttpResponse<String> response = get(reporting + "/api/v1/reports/access?from=" + from + "&to=" + from.plusSeconds(QUARTER_SECONDS)
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8) + narrowing, auditorKey);
        return response.statusCode() == 200 && json.readTree(response.body()).get("rows").size() > 0;
    }

    private boolean timeline(String reporting, String auditorKey) throws Exception {
        HttpResponse<String> response = get(reporting + "/api/v1/clients/" + clientId(random.nextInt(CLIENTS)) + "/events", auditorKey);
        return response.statusCode() == 200 && json.readTree(response.body()).get("events").size() == 5;
    }

    private interface Query {
        boolean ask() throws Exception;
    }

    /** Asks the question {@value QUERIES} times, one after another, after a few unmeasured warm-up calls. */
    private void measure(String scale, long loaded, String name, Query query) throws Exception {
        for (int i = 0; i < 10; i++) {
            query.ask();
        }
        long[] nanos = new long[QUERIES];
        int answered = 0;
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            if (query.ask()) {
                answered++;
            }
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p50 = Throughput.percentile(nanos, 0.5);
        double p95 = Throughput.percentile(nanos, 0.95);
        double max = nanos[nanos.length - 1] / 1e6;
        table.add("%-8s %,12d %-44s %9.1f %9.1f %9.1f %9s".formatted(scale, loaded, name, p50, p95, max, answered + "/" + QUERIES));
        measured.put(scale + " " + name, Map.of("documents", loaded, "p50Millis", p50, "p95Millis", p95, "maxMillis", max,
                "answered", answered, "asked", QUERIES));
        StackLog.say("bench: %s, %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d of %d answered with rows)", scale, name, p50, p95, max,
                answered, QUERIES);
    }

    /**
     * Makes what was loaded searchable and waits until the projector has merged the indices of the
     * ended months into one segment each, as it does once a month's writes stop; the current month's
     * indices keep the segments indexing left.
     */
    private void settle(String elasticsearch) throws Exception {
        request(elasticsearch + "/registrar-tokens-*,registrar-events-*/_refresh", "POST", "");
        StackLog.say("bench: waiting for the projector to merge the indices of ended months");
        long deadline = System.nanoTime() + COMPACTION_TIMEOUT.toNanos();
        long reported = System.nanoTime();
        while (true) {
            String current = MONTH.format(Instant.now());
            List<Integer> endedSegments = new ArrayList<>();
            json.readTree(request(elasticsearch + "/registrar-tokens-*,registrar-events-*/_stats/segments?level=indices", "GET", null))
                    .path("indices").properties().stream()
                    .filter(index -> index.getKey().substring(index.getKey().lastIndexOf('-') + 1).compareTo(current) < 0)
                    .forEach(index -> endedSegments.add(index.getValue().path("primaries").path("segments").path("count").asInt()));
            long merged = endedSegments.stream().filter(segments -> segments == 1).count();
            if (merged == endedSegments.size()) {
                StackLog.say("bench: %d indices of ended months are merged", merged);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projector merged " + merged + " of " + endedSegments.size()
                        + " indices of ended months in " + COMPACTION_TIMEOUT);
            }
            if (System.nanoTime() - reported > Duration.ofSeconds(15).toNanos()) {
                StackLog.say("bench: %d of %d indices of ended months merged", merged, endedSegments.size());
                reported = System.nanoTime();
            }
            Thread.sleep(1_000);
        }
    }

    private Map<String, Object> indexSizes(String elasticsearch) throws Exception {
        Map<String, Object> sizes = new LinkedHashMap<>();
        for (String family : List.of("registrar-tokens-*", "registrar-events-*")) {
            JsonNode stats = json.readTree(request(elasticsearch + "/" + family + "/_stats/docs,store", "GET", null));
            JsonNode total = stats.path("_all").path("primaries");
            sizes.put(family, Map.of("documents", total.path("docs").path("count").asLong(),
                    "megabytes", total.path("store").path("size_in_bytes").asLong() / 1_048_576));
        }
        return sizes;
    }

    private void setRefresh(String elasticsearch, String interval) throws Exception {
        request(elasticsearch + "/registrar-tokens-*,registrar-events-*/_settings?allow_no_indices=true", "PUT",
                "{\"index\":{\"refresh_interval\":\"" + interval + "\"}}");
    }

    private void bulk(String elasticsearch, CharSequence body) throws Exception {
        String response = request(elasticsearch + "/_bulk", "POST", body.toString());
        if (response.startsWith("{\"errors\":true") || json.readTree(response).path("errors").asBoolean()) {
            throw new IllegalStateException("bulk load failed: " + response.substring(0, Math.min(2_000, response.length())));
        }
    }

    private String request(String url, String method, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/x-ndjson")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void print() throws IOException {
        measured.forEach((name, value) -> {
            if (name.startsWith("index-")) {
                table.add(name + ": " + value);
            }
        });
        table.forEach(System.out::println);
        Path text = settings.stackDir().resolve("compliance.txt");
        Files.writeString(text, String.join("\n", table) + "\n");
        Path report = settings.stackDir().resolve("compliance.json");
        Files.writeString(report, json.writerWithDefaultPrettyPrinter().writeValueAsString(measured));
        StackLog.say("bench: results written to %s and %s", text, report);
    }
}
