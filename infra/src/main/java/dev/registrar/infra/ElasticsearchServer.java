package dev.registrar.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

/**
 * A single-node Elasticsearch, run from the integ-test distribution on Maven Central as a process
 * of its own, on loopback, with security off and an explicit heap.
 *
 * <p>Elasticsearch refuses to run as root, so under root it runs as {@code nobody}. That user must
 * be able to traverse every parent folder of its home and data, which a checkout under a private
 * folder does not allow; so there the home and data live in a folder under the system temp
 * folder that {@code nobody} owns, and the stack folder holds a link to it.
 */
final class ElasticsearchServer implements AutoCloseable {

    static final int HTTP_PORT = 19200;
    static final int TRANSPORT_PORT = 19300;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /**
     * With 512 MB, the memory circuit breaker refused some access reports over ten million tokens
     * (their distinct counts hold a set per row); with 1 GB it refused none of 200.
     */
    private static final String HEAP = "-Xms1g -Xmx1g";

    private final StackSettings settings;
    private final Map<String, String> environment;
    private final Path base;
    private final ManagedProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ElasticsearchContainer container;

    ElasticsearchServer(StackSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
        this.base = runningAsRoot() ? sharedTempFolder(settings) : settings.stackDir().resolve("elasticsearch");
        this.process = new ManagedProcess("Elasticsearch", settings.stackDir().resolve("elasticsearch.pid"),
                settings.logDir().resolve("elasticsearch.log"), base.toString());
    }

    /** Starts Elasticsearch and returns its HTTP address once the cluster is at least yellow. */
    String start() throws Exception {
        if (Docker.available(environment)) {
            StackLog.say("Elasticsearch: starting a container");
            container = new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:" + Distributions.elasticsearchVersion())
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", HEAP);
            container.start();
            return "http://" + container.getHttpHostAddress();
        }
        process.replaceStale();
        if (settings.fresh()) {
            Folders.delete(base.resolve("data"));
        }
        Path home = unpack();
        for (String folder : List.of("data", "logs", "tmp")) {
            Files.createDirectories(base.resolve(folder));
        }
        writeConfig(home);
        if (runningAsRoot()) {
            handToNobody(base);
            linkFromStackFolder();
        }
        String url = "http://127.0.0.1:" + settings.port(HTTP_PORT);
        StackLog.say("Elasticsearch %s: starting on %s (log %s)", Distributions.elasticsearchVersion(), url, process.logFile());
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        process.start(command, Map.of(
                "ES_JAVA_HOME", Distributions.javaHome().toString(),
                "ES_JAVA_OPTS", HEAP,
                "ES_TMPDIR", base.resolve("tmp").toString(),
                "HOME", base.toString()), base);
        Await.until("Elasticsearch on " + url + " (log: " + process.logFile() + ")", START_TIMEOUT, process::checkAlive,
                () -> clusterUsable(url));
        StackLog.say("Elasticsearch: ready on %s", url);
        return url;
    }

    private Path unpack() throws IOException {
        Path home = base.resolve("elasticsearch-" + Distributions.elasticsearchVersion());
        Path unpacked = home.resolve(".unpacked");
        if (Files.exists(unpacked)) {
            return home;
        }
        Path zip = Distributions.elasticsearchZip(settings.home());
        StackLog.say("Elasticsearch: unpacking %s", zip);
        Folders.delete(home);
        Files.createDirectories(base);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                    if (target.getParent().getFileName().toString().equals("bin")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.createFile(unpacked);
        return home;
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeConfig(Path home) throws IOException {
        Files.writeString(home.resolve("config/elasticsearch.yml"), String.join("\n",
                "cluster.name: registrar-" + settings.profile(),
                "node.name: registrar-" + settings.profile(),
                "path.data: " + base.resolve("data"),
                "path.logs: " + base.resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + settings.port(HTTP_PORT),
                "transport.port: " + settings.port(TRANSPORT_PORT),
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                // A full development disk must not turn every index read-only.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false",
                ""));
    }

    private boolean clusterUsable(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
    }

    private void linkFromStackFolder() throws IOException {
        Path link = settings.stackDir().resolve("elasticsearch");
        Files.createDirectories(settings.stackDir());
        if (Files.isSymbolicLink(link) || !Files.exists(link)) {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, base);
        }
    }

    private static void handToNobody(Path folder) throws IOException, InterruptedException {
        Process chown = new ProcessBuilder("chown", "-R", "nobody:nogroup", folder.toString()).inheritIO().start();
        if (chown.waitFor() != 0) {
            throw new IllegalStateException("could not hand " + folder + " to the user nobody");
        }
    }

    /** One folder per checkout and profile, so two checkouts on one machine keep apart. */
    private static Path sharedTempFolder(StackSettings settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.stackDir().toString().getBytes(StandardCharsets.UTF_8));
            String id = HexFormat.of().formatHex(digest, 0, 6);
            return Path.of(System.getProperty("java.io.tmpdir"), "registrar-elasticsearch-" + id);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The server's process and its children, while it runs. */
    Stream<ProcessHandle> processes() {
        return process.processes();
    }

    @Override
    public void close() throws IOException {
        if (container != null) {
            container.stop();
            container = null;
        }
        process.stop(Duration.ofSeconds(30));
    }
}
