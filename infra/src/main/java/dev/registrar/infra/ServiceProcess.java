package dev.registrar.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One of Registrar's own services, run from the jar its module built, configured through
 * SPRING_APPLICATION_JSON so that keys never show on a process listing.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String module;
    private final int port;
    private final String maxHeap;
    private final StackSettings settings;
    private final ManagedProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Map<String, Object> properties = Map.of();

    /** @param maxHeap the JVM's largest heap, as {@code -Xmx} takes it */
    ServiceProcess(String module, int port, String maxHeap, StackSettings settings) {
        this.module = module;
        this.port = port;
        this.maxHeap = maxHeap;
        this.settings = settings;
        this.process = new ManagedProcess(module, settings.stackDir().resolve(module + ".pid"),
                settings.logDir().resolve(module + ".log"), stackMarker(settings));
    }

    String module() {
        return module;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path logFile() {
        return process.logFile();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void start(Map<String, Object> properties) throws IOException {
        this.properties = Map.copyOf(properties);
        process.replaceStale();
        Path jar = jar(settings.home(), module);
        var all = new java.util.LinkedHashMap<String, Object>(properties);
        all.put("server.port", port);
        all.put("server.address", "127.0.0.1");
        List<String> command = List.of(Distributions.javaExecutable(), stackMarker(settings), "-Xms128m", "-Xmx" + maxHeap,
                "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toString());
        process.start(command, Map.of("SPRING_APPLICATION_JSON", Json.object(all)), settings.stackDir());
        StackLog.say("%s: starting on %s (log %s)", module, url(), process.logFile());
    }

    /** Starts it again as it was started, after it died. */
    void restart() throws IOException {
        start(properties);
    }

    /** The pids of the service's process and its children, for measuring what they use. */
    List<Long> pids() {
        return process.processes().map(ProcessHandle::pid).toList();
    }

    /** Kills it with SIGKILL, as a crash would. */
    void kill() {
        process.kill();
    }

    void awaitHealthy() {
        Await.until(module + " on " + url() + " (log: " + process.logFile() + ")", START_TIMEOUT, process::checkAlive, this::healthy);
        StackLog.say("%s: healthy", module);
    }

    /** Whether it answers its health endpoint UP: itself and every dependency it checks. */
    boolean healthy() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(3)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"UP\"");
    }

    @Override
    public void close() throws IOException {
        process.stop(Duration.ofSeconds(30));
    }

    /** A system property naming the stack: how a stale service is told apart from another stack's. */
    private static String stackMarker(StackSettings settings) {
        return "-Dregistrar.stack=" + settings.stackDir();
    }

    static Path jar(Path home, String module) throws IOException {
        Path target = home.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var found = files.filter(file -> {
                    String name = file.getFileName().toString();
                    return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar");
                }).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("no jar for " + module + " under " + target + "; build it with ./mvnw -DskipTests package");
    }
}
