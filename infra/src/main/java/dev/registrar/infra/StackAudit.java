package dev.registrar.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the ledger with the event store, and the event store with Elasticsearch: nothing
 * acknowledged may be missing, nothing refused may be half done, every stored event must be
 * indexed exactly once, and every client's document must hold its latest state.
 */
final class StackAudit {

    /** One check's numbers, as the suite's table prints them. */
    record Result(long acknowledged, long stored, long indexed, long missingFromStore, long partial, long missingFromIndex,
                  long duplicated, long staleClients) {

        boolean clean() {
            return missingFromStore == 0 && partial == 0 && missingFromIndex == 0 && duplicated == 0 && staleClients == 0;
        }
    }

    private static final Pattern TOKEN_ID = Pattern.compile("\"tokenId\"\\s*:\\s*\"([^\"]+)\"");
    private static final int SAMPLE = 200;

    private final PostgresEndpoint database;
    private final String elasticsearchUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    StackAudit(PostgresEndpoint database, String elasticsearchUrl) {
        this.database = database;
        this.elasticsearchUrl = elasticsearchUrl;
    }

    /**
     * Audits until the result is clean or {@code patience} ran out: under load, the projector is a
     * moment behind the store, and the store moves between one query and the next.
     */
    Result audit(Ledger ledger, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Result result = once(ledger);
        while (!result.clean() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            result = once(ledger);
        }
        return result;
    }

    private Result once(Ledger ledger) throws Exception {
        try (Connection db = database.connect();
             Statement sql = db.createStatement()) {
            Set<String> registered = strings(sql, "select aggregateidentifier from domainevententry where payloadtype like '%.ClientRegistered'");
            Set<String> revoked = strings(sql, "select aggregateidentifier from domainevententry where payloadtype like '%.ClientRevoked'");
            Map<String, Long> updates = counts(sql, "select aggregateidentifier, count(*) from domainevententry "
                    + "where payloadtype like '%.ClientMetadataUpdated' group by aggregateidentifier");
            Set<String> tokens = new HashSet<>();
            try (ResultSet rows = sql.executeQuery("select payload from domainevententry where payloadtype like '%.TokenIssued'")) {
                while (rows.next()) {
                    Matcher id = TOKEN_ID.matcher(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                    if (id.find()) {
                        tokens.add(id.group(1));
                    }
                }
            }

            long missing = ledger.registered.stream().filter(id -> !registered.contains(id)).count()
                    + ledger.revoked.stream().filter(id -> !revoked.contains(id)).count()
                    + ledger.tokens.stream().filter(id -> !tokens.contains(id)).count()
                    + ledger.updates.entrySet().stream()
                    .filter(update -> updates.getOrDefault(update.getKey(), 0L) < update.getValue().get()).count();

            // Half-done changes: a read-model row, a credential or a status without the event that makes it, or the reverse.
            Set<String> readModel = strings(sql, "select client_id from client_registration");
            Set<String> revokedInReadModel = strings(sql, "select client_id from client_registration where status = 'revoked'");
            Set<String> withTokens = strings(sql, "select owner_id from credential where kind = 'REGISTRATION_ACCESS_TOKEN'");
            long partial = symmetricDifference(readModel, registered) + symmetricDifference(revokedInReadModel, revoked)
                    + withTokens.stream().filter(owner -> !registered.contains(owner)).count();

            long stored = single(sql, "select count(*) from domainevententry");
            post("/registrar-*/_refresh?allow_no_indices=true", "");
            long indexed = count("registrar-events-*", "{\"query\":{\"match_all\":{}}}");
            long distinctIndexed = distinctEventIds();
            List<String> sample = new ArrayList<>(strings(sql, "select eventidentifier from domainevententry order by random() limit " + SAMPLE));
            Map<String, Long> copies = copiesIndexed(sample);
            long sampleMissing = sample.stream().filter(id -> !copies.containsKey(id)).count();
            long sampleDuplicated = copies.values().stream().mapToLong(count -> count - 1).sum();
            long tokenDocuments = count("registrar-tokens-*", "{\"query\":{\"match_all\":{}}}");
            long missingFromIndex = Math.max(0, stored - distinctIndexed) + sampleMissing + Math.max(0, tokens.size() - tokenDocuments);
            long duplicated = (indexed - distinctIndexed) + sampleDuplicated + Math.max(0, tokenDocuments - tokens.size());
            return new Result(ledger.acknowledged.get(), stored, indexed, missing, partial, missingFromIndex, duplicated,
                    staleClients(sql));
        }
    }

    /** Clients whose document's version (its last event's sequence + 1) or status is not the store's. */
    private long staleClients(Statement sql) throws SQLException, IOException, InterruptedException {
        Map<String, Long> lastSequence = counts(sql, "select aggregateidentifier, max(sequencenumber) from domainevententry "
                + "where aggregateidentifier in (select client_id from client_registration) group by aggregateidentifier");
        Map<String, String> status = new HashMap<>();
        try (ResultSet rows = sql.executeQuery("select client_id, status from client_registration")) {
            while (rows.next()) {
                status.put(rows.getString(1), rows.getString(2));
            }
        }
        long stale = 0;
        List<String> ids = new ArrayList<>(lastSequence.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + 500));
            JsonNode documents = post("/registrar-clients/_mget", json.writeValueAsString(Map.of("ids", page))).get("docs");
            for (JsonNode document : documents) {
                String id = document.get("_id").asText();
                boolean current = document.path("found").asBoolean()
                        && document.get("_version").asLong() == lastSequence.get(id) + 1
                        && document.at("/_source/status").asText().equals(status.get(id));
                stale += current ? 0 : 1;
            }
        }
        return stale;
    }

    /** Exact distinct event ids in the event log, by a composite aggregation over _id's twin field. */
    private long distinctEventIds() throws IOException, InterruptedException {
        long distinct = 0;
        String after = null;
        do {
            String query = "{\"size\":0,\"aggs\":{\"ids\":{\"composite\":{\"size\":10000,"
                    + (after == null ? "" : "\"after\":{\"id\":\"" + after + "\"},")
                    + "\"sources\":[{\"id\":{\"terms\":{\"field\":\"eventId\"}}}]}}}}";
            JsonNode ids = post("/registrar-events-*/_search?allow_no_indices=true", query).at("/aggregations/ids");
            if (ids.isMissingNode()) {
                return 0;
            }
            distinct += ids.get("buckets").size();
            after = ids.path("after_key").path("id").isMissingNode() || ids.get("buckets").isEmpty() ? null
                    : ids.get("after_key").get("id").asText();
        } while (after != null);
        return distinct;
    }

    /** How many documents of the event log carry each of these event ids. */
    private Map<String, Long> copiesIndexed(List<String> eventIds) throws IOException, InterruptedException {
        String query = json.writeValueAsString(Map.of("size", 0, "query", Map.of("ids", Map.of("values", eventIds)),
                "aggs", Map.of("copies", Map.of("terms", Map.of("field", "eventId", "size", eventIds.size() + 1)))));
        Map<String, Long> copies = new HashMap<>();
        for (JsonNode bucket : post("/registrar-events-*/_search?allow_no_indices=true", query).at("/aggregations/copies/buckets")) {
            copies.put(bucket.get("key").asText(), bucket.get("doc_count").asLong());
        }
        return copies;
    }

    private long count(String index, String query) throws IOException, InterruptedException {
        return post("/" + index + "/_count?allow_no_indices=true", query).path("count").asLong();
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Elasticsearch answered " + response.statusCode() + " to " + path + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static long symmetricDifference(Set<String> left, Set<String> right) {
        return left.stream().filter(id -> !right.contains(id)).count() + right.stream().filter(id -> !left.contains(id)).count();
    }

    private static Set<String> strings(Statement sql, String query) throws SQLException {
        Set<String> values = new HashSet<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Map<String, Long> counts(Statement sql, String query) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return values;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
