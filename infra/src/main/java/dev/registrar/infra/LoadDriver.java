package dev.registrar.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A steady load of registrations, RFC 7592 updates, token batches and revocations over real HTTP,
 * from a few threads, each with clients of its own so their registration access tokens stay
 * known. Every request has a timeout; the ledger records what was acknowledged.
 */
final class LoadDriver implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int TOKENS_PER_BATCH = 20;
    private static final String METADATA = """
            {"client_name":"%s","redirect_uris":["http://127.0.0.1:33418/callback"],"grant_types":["authorization_code"],
             "response_types":["code"],"token_endpoint_auth_method":"none","application_type":"native","scope":"mcp:tools",
             "software_id":"fault-agent","software_version":"1.0.0"%s}""";

    private final String registryUrl;
    private final String tenant;
    private final String tenantKey;
    private final Ledger ledger;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Thread> threads = new ArrayList<>();
    private final long pauseMillis;
    private volatile boolean running = true;
    private final Phaser quiet = new Phaser(0);
    private volatile boolean paused;

    LoadDriver(String registryUrl, String tenant, String tenantKey, Ledger ledger, int threadCount, long pauseMillis) {
        this.registryUrl = registryUrl;
        this.tenant = tenant;
        this.tenantKey = tenantKey;
        this.ledger = ledger;
        this.pauseMillis = pauseMillis;
        for (int i = 0; i < threadCount; i++) {
            threads.add(Thread.ofPlatform().name("load-" + i).daemon().unstarted(this::drive));
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /**
     * Holds the load once every request in flight has its answer, so an audit sees the store and
     * Elasticsearch at rest; {@link #resume()} lets it go on. Two phases of one phaser: the first
     * completes when every thread has stopped, the second when the load is resumed.
     */
    synchronized void pause() {
        quiet.register();
        paused = true;
        quiet.arriveAndAwaitAdvance();
    }

    synchronized void resume() {
        if (paused) {
            paused = false;
            quiet.arriveAndDeregister();
        }
    }

    /** A client this thread registered: its current registration access token, while it is known. */
    private record Owned(String clientId, String registrationAccessToken, int version) {
    }

    private void drive() {
        Map<String, Owned> owned = new HashMap<>();
        quiet.register();
        while (running) {
            if (paused) {
                quiet.arriveAndAwaitAdvance();
                quiet.arriveAndAwaitAdvance();
            }
            int roll = ThreadLocalRandom.current().nextInt(100);
            try {
                if (roll < 40 || owned.isEmpty()) {
                    register(owned);
                } else if (roll < 60) {
                    update(owned);
                } else if (roll < 90) {
                    recordTokens(owned);
                } else {
                    revoke(owned);
                }
                Thread.sleep(pauseMillis);
            } catch (InterruptedException stopped) {
                return;
            }
        }
        quiet.arriveAndDeregister();
    }

    private void register(Map<String, Owned> owned) throws InterruptedException {
        send(HttpRequest.newBuilder(URI.create(registryUrl + "/t/" + tenant + "/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(METADATA.formatted("fault agent", ""))), 201).ifPresent(body -> {
            String clientId = body.get("client_id").asText();
            owned.put(clientId, new Owned(clientId, body.get("registration_access_token").asText(), 0));
            ledger.registered(clientId);
        });
    }

    private void update(Map<String, Owned> owned) throws InterruptedException {
        Owned client = pick(owned);
        int version = client.version() + 1;
        // Whatever the outcome of a request that got no answer, its token may have changed: the client leaves the pool then.
        owned.remove(client.clientId());
        send(HttpRequest.newBuilder(URI.create(registryUrl + "/t/" + tenant + "/register/" + client.clientId()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + client.registrationAccessToken())
                .PUT(HttpRequest.BodyPublishers.ofString(METADATA.formatted("fault agent v" + version,
                        ",\"client_id\":\"" + client.clientId() + "\""))), 200).ifPresent(body -> {
            owned.put(client.clientId(), new Owned(client.clientId(), body.get("registration_access_token").asText(), version));
            ledger.updated(client.clientId());
        });
    }

    private void recordTokens(Map<String, Owned> owned) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TOKENS_PER_BATCH; i++) {
            ids.add("fault-" + UUID.randomUUID());
        }
        String batch = TokenBatch.json(ids, () -> pick(owned).clientId(), i -> "user-" + i);
        send(HttpRequest.newBuilder(URI.create(registryUrl + "/api/v1/tokens/batch"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tenantKey)
                .POST(HttpRequest.BodyPublishers.ofString(batch)), 200).ifPresent(body -> ledger.recorded(ids));
    }

    private void revoke(Map<String, Owned> owned) throws InterruptedException {
        Owned client = pick(owned);
        owned.remove(client.clientId());
        send(HttpRequest.newBuilder(URI.create(registryUrl + "/api/v1/clients/" + client.clientId() + "/revocation"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tenantKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"fault suite\"}")), 200)
                .ifPresent(body -> ledger.revoked(client.clientId()));
    }

    private static Owned pick(Map<String, Owned> owned) {
        List<Owned> clients = List.copyOf(owned.values());
        return clients.get(ThreadLocalRandom.current().nextInt(clients.size()));
    }

    private Optional<JsonNode> send(HttpRequest.Builder request, int expected) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return Optional.of(json.readTree(response.body()));
            }
            ledger.refused(Integer.toString(response.statusCode()));
        } catch (HttpTimeoutException timedOut) {
            ledger.refused("timeout");
        } catch (IOException unreachable) {
            ledger.refused("unreachable");
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        resume();
        for (Thread thread : threads) {
            thread.join(REQUEST_TIMEOUT.toMillis() * 2);
        }
    }
}
