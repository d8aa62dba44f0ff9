package dev.registrar.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class LocalServersIT {

    private final StackSettings settings = StackSettings.forProfile("infra-it", true, Map.of("REGISTRAR_PORT_OFFSET", "15000"));

    @Test
    void secondStartReplacesServersAStackThatDiedLeftRunning() throws Exception {
        var servers = EnumSet.of(Server.KAFKA, Server.ELASTICSEARCH);
        LocalServers abandoned = LocalServers.start(settings, servers, Map.of());
        long abandonedKafka = Long.parseLong(Files.readString(settings.stackDir().resolve("kafka/kafka.pid")).trim());

        try (LocalServers second = LocalServers.start(settings, servers, Map.of())) {
            assertThat(ProcessHandle.of(abandonedKafka).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(second.kafkaBootstrap()).isEqualTo(abandoned.kafkaBootstrap());
            Properties admin = new Properties();
            admin.put("bootstrap.servers", second.kafkaBootstrap().orElseThrow());
            try (Admin kafka = Admin.create(admin)) {
                assertThat(kafka.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
            }
        }
    }

    @Test
    void serversStartAnswerAndLeaveNoProcessBehindWhenStopped() throws Exception {
        long pidsBefore;
        try (LocalServers servers = LocalServers.start(settings, EnumSet.allOf(Server.class), Map.of())) {
            var pg = servers.postgres().orElseThrow();
            try (var connection = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                 var rows = connection.createStatement().executeQuery("select current_database()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("registrar_infra_it");
            }

            Properties admin = new Properties();
            admin.put("bootstrap.servers", servers.kafkaBootstrap().orElseThrow());
            try (Admin kafka = Admin.create(admin)) {
                kafka.createTopics(java.util.List.of(new NewTopic("infra-it", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                assertThat(kafka.listTopics().names().get(10, TimeUnit.SECONDS)).contains("infra-it");
            }

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(servers.elasticsearchUrl().orElseThrow() + "/_nodes/_local")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"version\":\"" + Distributions.elasticsearchVersion() + "\"");
            pidsBefore = Files.list(settings.stackDir()).filter(p -> p.toString().endsWith(".pid")).count()
                    + Files.list(settings.stackDir().resolve("kafka")).filter(p -> p.toString().endsWith(".pid")).count();
            assertThat(pidsBefore).isEqualTo(2);
        }
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(settings.stackDir().resolve("kafka").toString())).orElse(false))
                .count()).isZero();
        assertThat(Files.exists(settings.stackDir().resolve("elasticsearch.pid"))).isFalse();
    }
}
