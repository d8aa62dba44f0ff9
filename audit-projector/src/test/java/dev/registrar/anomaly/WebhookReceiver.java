package dev.registrar.anomaly;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook endpoint on loopback that records what it receives. {@code /flaky} answers 503 to the
 * first try of every alert, so deliveries there prove the retries.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, String alertId, long revision, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> refused = new CopyOnWriteArrayList<>();
    private final Set<String> triedOnce = ConcurrentHashMap.newKeySet();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String alertId = exchange.getRequestHeaders().getFirst("X-Registrar-Alert-Id");
            long revision = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Registrar-Alert-Revision"));
            Received request = new Received(path, alertId, revision, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean refuse = path.equals("/flaky") && triedOnce.add(alertId);
            (refuse ? refused : received).add(request);
            exchange.sendResponseHeaders(refuse ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    List<Received> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
