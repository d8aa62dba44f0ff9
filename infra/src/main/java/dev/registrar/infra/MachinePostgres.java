package dev.registrar.infra;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine's own PostgreSQL (Debian's clusters), restarted through pg_ctlcluster. */
final class MachinePostgres {

    private MachinePostgres() {
    }

    static void restart(PostgresEndpoint endpoint) throws IOException, InterruptedException {
        int port = URI.create(endpoint.jdbcUrl().substring("jdbc:".length())).getPort();
        String cluster = run(List.of("pg_lsclusters", "--no-header")).lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length >= 3 && columns[2].equals(Integer.toString(port)))
                .map(columns -> columns[0] + " " + columns[1])
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster of this machine listens on port " + port));
        String[] versionAndName = cluster.split(" ");
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", versionAndName[0], versionAndName[1], "restart"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
